/// The version reports and `--version` print; scripts/release names the tarball after it.
public enum Candor {
    public static let version = "0.1.0"
}
