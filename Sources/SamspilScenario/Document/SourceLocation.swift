/// A position in a scenario file: where a value, key or problem was written.
///
/// `line` and `column` are 1-based. Columns count Unicode scalars (so `"ø"`
/// advances the column by one, as editors do); a tab counts as one column.
/// Lines end at LF, CR or CRLF. `offset` is the 0-based byte offset into the
/// file's UTF-8 bytes.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file as the loader names it (the path given by the user, or a base
    /// path resolved relative to it).
    public var file: String
    public var line: Int
    public var column: Int
    public var offset: Int

    @inlinable
    public init(file: String, line: Int, column: Int, offset: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// A location for values that were not read from any file (built in code).
    public static let synthesized = SourceLocation(file: "<synthesized>", line: 0, column: 0, offset: 0)

    public var isSynthesized: Bool { line == 0 }

    /// `file:line:column`, the conventional compiler form.
    public var description: String {
        isSynthesized ? file : "\(file):\(line):\(column)"
    }

    /// Orders by file name, then by position in the file.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file < b.file }
        return a.offset < b.offset
    }
}
