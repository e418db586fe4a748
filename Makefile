# Install the portable candor binary with its man page and shell completions, or pack a release.
#
#   make install PREFIX=$HOME/.local      (default PREFIX=/usr/local; DESTDIR is honoured for packagers)
#   make uninstall PREFIX=...
#   make release                          dist/candor-VERSION-linux-ARCH.tar.gz and .sha256
#
# Both build with scripts/release: a release build with the Swift standard library linked statically.
PREFIX ?= /usr/local
DESTDIR ?=
prefix := $(DESTDIR)$(PREFIX)

INSTALLED := bin/candor share/man/man1/candor.1 share/bash-completion/completions/candor \
	share/zsh/site-functions/_candor share/fish/vendor_completions.d/candor.fish share/doc/candor

.PHONY: install uninstall release

install:
	scripts/release --install "$(prefix)"

uninstall:
	cd "$(prefix)" && rm -rf $(INSTALLED)

release:
	scripts/release
