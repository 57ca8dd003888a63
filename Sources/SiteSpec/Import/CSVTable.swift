import Foundation

/// A comma-separated table as RFC 4180 writes it (quoted fields, `""` for a quote, line breaks
/// inside quotes), with the 1-based line of every row, for `dcplan import` (DESIGN.md §9.1).
struct CSVTable {
    /// The header's column names, trimmed and lower-cased.
    var columns: [String]
    /// The data rows in order, each with the line it starts on; blank lines are left out.
    var rows: [(line: Int, fields: [String])]

    /// Parses `text`; a quote left open is an error at the line it opened on.
    init(parsing text: String, file: String) throws(ImportFailure) {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append((recordLine, fields))
            }
            fields = []
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let after = next() {
                        if after == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            pending = after
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                quoted = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\u{FEFF}" where line == 1 && fields.isEmpty && field.isEmpty:
                continue // a byte-order mark, as spreadsheets write it
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted {
            throw ImportFailure(SourceText.at(file, quoteLine), "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let header = records.first else {
            throw ImportFailure(SourceText.at(file), "the file is empty; the first line names the columns")
        }
        columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows = Array(records.dropFirst())
    }

    /// The index of `name`, or nil when the header lacks it.
    func column(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// The trimmed field of `row` in column `index`, empty when the row is short.
    static func field(_ row: [String], _ index: Int?) -> String {
        guard let index, index < row.count else { return "" }
        return row[index].trimmingCharacters(in: .whitespaces)
    }
}
