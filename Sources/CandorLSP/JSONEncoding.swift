import Foundation

/// Writes the JSON of a message built from dictionaries, arrays, strings, numbers, booleans and nulls.
///
/// JSONSerialization bridges every Swift dictionary and array to its NS counterpart first, which was two
/// thirds of the server's time per edit; this writes the bytes straight from the Swift values. A value of any
/// other type is written as null rather than trapping.
enum JSONEncoding {
    static func encode(_ value: Any) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, to: &out)
        return out
    }

    private static func write(_ value: Any, to out: inout [UInt8]) {
        switch value {
        case let string as String:
            writeString(string, to: &out)
        case let object as [String: Any]:
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, element) in object {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(element, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case let array as [Any]:
            out.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let bool as Bool where type(of: value) == Bool.self:
            out.append(contentsOf: Array((bool ? "true" : "false").utf8))
        case let int as Int:
            out.append(contentsOf: Array(String(int).utf8))
        case let number as NSNumber:
            // Numbers as they arrived (request ids): integers stay integers.
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 {
                out.append(contentsOf: Array(String(number.int64Value).utf8))
            } else if double.isFinite {
                out.append(contentsOf: Array(String(double).utf8))
            } else {
                out.append(contentsOf: Array("null".utf8))
            }
        case let double as Double where double.isFinite:
            out.append(contentsOf: Array(String(double).utf8))
        default:
            out.append(contentsOf: Array("null".utf8))
        }
    }

    private static func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hex[Int(byte >> 4)], hex[Int(byte & 0xF)]
                ])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
