import Foundation
import Testing

/// Every citation of the sources register (`Docs/REFERENCE.md`) and the design document
/// (`Docs/DESIGN.md`) in the code, the site specs and the committed reports must name an id or a
/// section that the cited document defines.
@Suite("Citations")
struct CitationTests {
    @Test(
        "every REFERENCE.md and DESIGN.md citation in Sources/, Sites/ and Reports/ names an id or section the document defines"
    )
    func citationsResolve() throws {
        let reference = try Citations.definitions(of: "Docs/REFERENCE.md")
        let design = try Citations.definitions(of: "Docs/DESIGN.md")
        let found = try Citations.scan()
        var unresolved: [String] = []
        if design == nil { unresolved.append("Docs/DESIGN.md does not exist") }
        for citation in found {
            let definitions = citation.document == .design ? design : reference
            let defined =
                citation.isSection
                ? definitions?.sections.contains(citation.number) : definitions?.ids.contains(citation.id)
            if defined != true {
                let place = "\(citation.file):\(citation.line)"
                unresolved.append("\(place): cited \(citation.id), not defined in Docs/\(citation.document.rawValue)")
            }
        }
        #expect(unresolved.count == 0, "unresolved:\n\(unresolved.joined(separator: "\n"))")

        // A broken scanner must not pass by finding nothing. Found when this test was written, in 97
        // files: 906 citations, of them 617 REFERENCE.md sections, 97 DESIGN.md sections, 154 D and
        // 38 V ids (and no P or C ids: nothing cites part 2 yet). The floors leave room for edits.
        func count(_ include: (Citation) -> Bool) -> Int { found.filter(include).count }
        #expect(found.count >= 750, "only \(found.count) citations found")
        #expect(count { $0.isSection && $0.document == .reference } >= 500)
        #expect(count { $0.isSection && $0.document == .design } >= 75)
        #expect(count { $0.id.hasPrefix("D") } >= 120)
        #expect(count { $0.id.hasPrefix("V") } >= 30)
    }

    @Test("Docs/REFERENCE.md defines each id and each section once")
    func referenceHasNoDuplicates() throws {
        let reference = try #require(try Citations.definitions(of: "Docs/REFERENCE.md"))
        func duplicates(_ list: [String]) -> [String] {
            Dictionary(grouping: list, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        }
        #expect(duplicates(reference.idList) == [], "ids defined twice")
        #expect(duplicates(reference.sectionList) == [], "sections defined twice")
        // Not vacuous: D01-D21, the V cases of §8, P01-P132, C01-C100; §0-§11 with their subsections.
        #expect(reference.ids.isSuperset(of: ["D01", "D21", "V3", "V20", "P01", "P132", "C01", "C100"]))
        #expect(reference.sections.isSuperset(of: ["0", "1", "1.2", "4.7", "8", "11", "11.8"]))
    }
}

/// One citation: where it is written, what it cites and in which document.
struct Citation {
    enum Document: String {
        case reference = "REFERENCE.md"
        case design = "DESIGN.md"
    }

    /// Path relative to the repository root.
    var file: String
    var line: Int
    /// As written: `§5.4`, `D20`, `V3`, `P01`.
    var id: String
    var document: Document

    var isSection: Bool { id.hasPrefix("§") }
    /// The section number without `§`.
    var number: String { String(id.dropFirst()) }
}

/// Finds citations and the ids and sections the documents define.
///
/// A citation is
/// - `§N` or `§N.M`: a section. It belongs to `DESIGN.md` when `DESIGN.md` is the nearest file name
///   before it in the same comment (consecutive `//` or `#` lines), Markdown paragraph or other
///   line, and not inside parentheses closed since: in "(DESIGN.md §5.5), one stage (§4.2 awanetz)"
///   §4.2 is REFERENCE.md's. Otherwise it belongs to `REFERENCE.md`;
/// - `D01`…`D99` and `V1`, `V12`… (whole words): rows of REFERENCE.md's §0 table and its §8
///   validation cases. Every such word in the scanned files is a citation today;
/// - `P01`…`P999`, `C01`…`C999`: part 2 rows, only in a list of citations right after
///   `REFERENCE.md` (`REFERENCE.md D20, P05, C12`), since `C10`…`C13` are also the constants of
///   ASHRAE's saturation-pressure equation in Psychrometrics.swift and `P` names powers.
///
/// Law and standard clauses are not ours and are skipped: `EnEfG §11` and `(EnEfG) §11` (the
/// German Energy Efficiency Act's section 11), `ELC §8` and `MLC §6` (sections of ASHRAE 90.4-2022
/// on the electrical loss and mechanical load components), and anything after `Art. ` (EU law
/// cites articles, e.g. EED Art. 12). No other `§` follows anything but a file name, an id, a
/// citation list or running text in the scanned files.
enum Citations {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What precedes a `§` that cites a law or a standard rather than our documents.
    static let foreignClauses = ["EnEfG ", "EnEfG) ", "ELC ", "MLC ", "Art. "]

    /// The scanned files, by folder and the name endings included there.
    static let scanned: [(folder: String, endings: [String])] = [
        ("Sources", [".swift", ".md"]), ("Sites", [".yaml", ".md"]), ("Reports", [".md", "/plan.json"]),
    ]

    /// Every citation in the scanned files, in path and line order.
    static func scan() throws -> [Citation] {
        var citations: [Citation] = []
        for (folder, endings) in scanned {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            let paths = walker.compactMap { $0 as? String }.filter { path in endings.contains { path.hasSuffix($0) } }
            for path in paths.sorted() {
                let text = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
                citations += citationsIn(text, file: folder + "/" + path)
            }
        }
        return citations
    }

    /// How lines group into the units within which a file name applies to the citations after it.
    static func unitKey(_ line: Substring, file: String) -> String? {
        let text = line.trimmingCharacters(in: .whitespaces)
        if file.hasSuffix(".swift") { return text.hasPrefix("//") ? "comment" : nil }
        if file.hasSuffix(".yaml") { return text.hasPrefix("#") ? "comment" : nil }
        if file.hasSuffix(".md") {
            let alone = text.isEmpty || text.hasPrefix("|") || text.hasPrefix("#") || text.hasPrefix("```")
            return alone ? nil : "paragraph"
        }
        return nil
    }

    static func citationsIn(_ text: String, file: String) -> [Citation] {
        var citations: [Citation] = []
        // The nearest file name at each open parenthesis depth of the current unit.
        var names: [String?] = [nil]
        var previousKey: String?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let key = unitKey(line, file: file)
            if key == nil || key != previousKey { names = [nil] }
            previousKey = key
            citations += citationsIn(line: Array(line.unicodeScalars), number: index + 1, file: file, names: &names)
        }
        return citations
    }

    static func isWord(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_"
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// `letter` followed by `digits` digits (a range), as the whole word.
    static func matches(_ word: [Unicode.Scalar], _ letter: Unicode.Scalar, digits: ClosedRange<Int>) -> Bool {
        word.first == letter && digits.contains(word.count - 1) && word.dropFirst().allSatisfy(isDigit)
    }

    static func citationsIn(
        line s: [Unicode.Scalar], number: Int, file: String, names: inout [String?]
    ) -> [Citation] {
        var found: [Citation] = []
        // End of the citation list that follows "REFERENCE.md", if one is open on this line.
        var listEnd: Int?
        func continuesList(from start: Int) -> Bool {
            guard let end = listEnd else { return false }
            let gap = String(String.UnicodeScalarView(s[end..<start]))
                .replacingOccurrences(of: " and ", with: " ")
                .filter { $0 != " " && $0 != "," && $0 != "/" }
            return gap.isEmpty
        }
        func cite(_ id: String, _ document: Citation.Document, start: Int, end: Int) {
            found.append(Citation(file: file, line: number, id: id, document: document))
            listEnd = continuesList(from: start) ? end : nil
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "(" {
                names.append(nil)
                i += 1
            } else if c == ")" {
                if names.count > 1 { names.removeLast() }
                i += 1
            } else if c == "§" {
                var j = i + 1
                while j < s.count, isDigit(s[j]) { j += 1 }
                if j == i + 1 {
                    i += 1
                    continue
                }
                if j + 1 < s.count, s[j] == ".", isDigit(s[j + 1]) {
                    j += 1
                    while j < s.count, isDigit(s[j]) { j += 1 }
                }
                let before = String(String.UnicodeScalarView(s[..<i]))
                if !foreignClauses.contains(where: { before.hasSuffix($0) }) {
                    let nearest = names.last { $0 != nil } ?? nil
                    let id = String(String.UnicodeScalarView(s[i..<j]))
                    cite(id, nearest == "DESIGN.md" ? .design : .reference, start: i, end: j)
                }
                i = j
            } else if isWord(c), i == 0 || !isWord(s[i - 1]) {
                var j = i
                while j < s.count, isWord(s[j]) { j += 1 }
                let word = Array(s[i..<j])
                let name = String(String.UnicodeScalarView(word))
                if j + 3 <= s.count, String(String.UnicodeScalarView(s[j..<j + 3])) == ".md",
                    j + 3 == s.count || !isWord(s[j + 3])
                {
                    names[names.count - 1] = name + ".md"
                    listEnd = name == "REFERENCE" ? j + 3 : nil
                    j += 3
                } else if matches(word, "D", digits: 2...2) || matches(word, "V", digits: 1...3) {
                    cite(name, .reference, start: i, end: j)
                } else if matches(word, "P", digits: 2...3) || matches(word, "C", digits: 2...3) {
                    if continuesList(from: i) { cite(name, .reference, start: i, end: j) }
                }
                i = j
            } else {
                i += 1
            }
        }
        return found
    }

    /// The ids (first cells of table rows: `| D01 |`, `| V3 |`, `| P01 |`, `| C01 |`) and sections
    /// (headings `## §1 …`, `### §1.2 …`) of a document, in order; nil when it does not exist.
    struct Definitions: Equatable {
        var idList: [String]
        var sectionList: [String]
        var ids: Set<String> { Set(idList) }
        var sections: Set<String> { Set(sectionList) }
    }

    /// The letters of the register's ids.
    static let idLetters: [Unicode.Scalar] = ["D", "V", "P", "C"]

    static func definitions(of relativePath: String) throws -> Definitions? {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var definitions = Definitions(idList: [], sectionList: [])
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("#") {
                let heading = line.drop { $0 == "#" }
                guard heading.first == " " else { continue }
                let title = heading.drop { $0 == " " }
                guard title.first == "§" else { continue }
                let number = title.dropFirst().prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
                let section = number.hasSuffix(".") ? number.dropLast() : number
                if !section.isEmpty { definitions.sectionList.append(String(section)) }
            } else if line.hasPrefix("|") {
                let cell = line.dropFirst().prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
                let scalars = Array(cell.unicodeScalars)
                if idLetters.contains(where: { matches(scalars, $0, digits: 1...3) }) {
                    definitions.idList.append(cell)
                }
            }
        }
        return definitions
    }
}
