import Foundation
import Testing

@testable import CandorLSP

@Suite struct JSONEncodingTests {
    @Test func roundTripsThroughJSONSerialization() throws {
        let message: [String: Any] = [
            "text": "quote \" backslash \\ newline \n tab \t bell \u{7} emoji 😀 e\u{301}",
            "numbers": [0, -3, 1 << 40], "flags": [true, false], "nothing": NSNull(),
            "nested": ["list": [["a": 1]], "empty": [String: Any]()],
            "id": NSNumber(value: 12)
        ]
        let decoded = try JSONSerialization.jsonObject(with: Data(JSONEncoding.encode(message))) as? [String: Any]
        #expect(decoded?["text"] as? String == message["text"] as? String)
        #expect(decoded?["numbers"] as? [Int] == [0, -3, 1 << 40])
        #expect(decoded?["flags"] as? [Bool] == [true, false])
        #expect(decoded?["nothing"] is NSNull)
        #expect(json(decoded, "nested", "list", "0", "a") as? Int == 1)
        #expect(decoded?["id"] as? Int == 12)
    }

    @Test func unknownValuesBecomeNull() {
        struct Opaque {}
        #expect(String(decoding: JSONEncoding.encode(["x": Opaque()]), as: UTF8.self) == "{\"x\":null}")
    }
}
