import CandorText

/// A rule set in a snapshot: writing and reading side by side, so that a field added to one is seen to be
/// missing from the other.
extension RuleSet {
    func encode(into writer: inout SnapshotWriter) {
        automaton.encode(into: &writer)
        vocabulary.encode(into: &writer)
        writer.array(roles) { writer, role in
            switch role {
            case .rule(let index):
                writer.bytes.append(0)
                writer.int(index)
            case .exception(let index):
                writer.bytes.append(1)
                writer.int(index)
            case .gate(let index):
                writer.bytes.append(2)
                writer.int(index)
            case .accept: writer.bytes.append(3)
            case .cue(let kind):
                writer.bytes.append(4)
                writer.int(kind.rawValue)
            case .signal(let index):
                writer.bytes.append(5)
                writer.int(index)
            }
        }
        for table in [requires, unless] {
            writer.array(table) { writer, gates in writer.gates(gates) { $0.array($1) { $0.int($1) } } }
        }
        writer.int(gateCount)
        writer.strings(signalNames)
        writer.i32(hyphen)
        writer.bools(minorAgeWords)
        writer.bools(transparentWords)
        writer.bools(institutionNouns)
        writer.bools(nameConnectors)
        writer.bools(firstPersonWords)
        writer.i32(symbols.doubleQuote)
        writer.i32(symbols.singleQuote)
        writer.int32s(symbols.clauseBreaks.sorted())
        writer.i32(symbols.but)
        writer.int32s(symbols.clauseJoiners.sorted())
        writer.int32s(symbols.firstPerson.sorted())
        writer.int32s(symbols.listSeparators.sorted())
        writer.int32s(symbols.negationBarriers.sorted())
        writer.int32s(symbols.determiners.sorted())
        writer.int32s(symbols.clauseSubjects.sorted())
    }

    convenience init(snapshot reader: inout SnapshotReader, rules: [Rule]) throws {
        let automaton = try Automaton(snapshot: &reader)
        let vocabulary = try Vocabulary(snapshot: &reader)
        let roles: [PatternRole] = try reader.array { reader in
            let tag = try reader.raw(1).first!
            switch tag {
            case 0: return .rule(try reader.int())
            case 1: return .exception(try reader.int())
            case 2: return .gate(try reader.int())
            case 3: return .accept
            case 4:
                let raw = try reader.int()
                guard let kind = CueKind(rawValue: raw) else {
                    throw RuleSetSnapshot.DecodingError(description: "unknown cue kind \(raw)")
                }
                return .cue(kind)
            case 5: return .signal(try reader.int())
            default: throw RuleSetSnapshot.DecodingError(description: "unknown pattern role \(tag)")
            }
        }
        let requires = try reader.array { try $0.gates { try $0.array { try $0.int() } } }
        let unless = try reader.array { try $0.gates { try $0.array { try $0.int() } } }
        let gateCount = try reader.int()
        let signalNames = try reader.strings()
        let hyphen = try reader.i32()
        let minorAgeWords = try reader.bools()
        let transparentWords = try reader.bools()
        let institutionNouns = try reader.bools()
        let nameConnectors = try reader.bools()
        let firstPersonWords = try reader.bools()
        let symbols = Symbols(
            doubleQuote: try reader.i32(), singleQuote: try reader.i32(),
            clauseBreaks: Set(try reader.int32s()), but: try reader.i32(),
            clauseJoiners: Set(try reader.int32s()), firstPerson: Set(try reader.int32s()),
            listSeparators: Set(try reader.int32s()), negationBarriers: Set(try reader.int32s()),
            determiners: Set(try reader.int32s()), clauseSubjects: Set(try reader.int32s()))
        // Everything the matcher and the context stage index must agree, or a corrupt snapshot would crash them.
        let rolesInRange = roles.allSatisfy { role in
            switch role {
            case .rule(let index), .exception(let index): return index >= 0 && index < rules.count
            case .gate(let index): return index >= 0 && index < gateCount
            case .signal(let index): return index >= 0 && index < signalNames.count
            case .accept, .cue: return true
            }
        }
        let gatesInRange = (requires + unless).allSatisfy { scopes in
            scopes.values.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 < gateCount } }
        }
        guard requires.count == rules.count, unless.count == rules.count, rolesInRange, gatesInRange,
            automaton.patternsAreBelow(roles.count), vocabulary.count == minorAgeWords.count,
            vocabulary.count == transparentWords.count,
            vocabulary.count == institutionNouns.count, vocabulary.count == nameConnectors.count,
            vocabulary.count == firstPersonWords.count
        else {
            throw RuleSetSnapshot.DecodingError(description: "snapshot does not hang together")
        }
        self.init(
            rules: rules, automaton: automaton, vocabulary: vocabulary, roles: roles,
            requires: requires, unless: unless, gateCount: gateCount, signalNames: signalNames, hyphen: hyphen,
            minorAgeWords: minorAgeWords, transparentWords: transparentWords, institutionNouns: institutionNouns,
            nameConnectors: nameConnectors, firstPersonWords: firstPersonWords,
            symbols: symbols)
    }
}
