import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading an input file with a size limit and without waiting for ever: every reader of a user's
/// file (specs, weather years, `.stat` files) goes through here.
///
/// - A regular file larger than the limit is refused from its size, unread (a 2 GB sparse file
///   costs nothing).
/// - A device or a pipe has no size: at most one byte past the limit is read, so `/dev/zero` is
///   refused after the limit instead of filling memory.
/// - The file is opened without blocking: a named pipe (FIFO) that no program writes to opens at
///   once and reads as empty, instead of stopping the run until someone writes. A pipe that is
///   being written (`<(…)`) is read as usual.
public enum BoundedFile {
    /// Why a file could not be read.
    public enum Failure: Error, Equatable, Sendable {
        /// It could not be opened or read; the system's reason, e.g. "No such file or directory".
        case unreadable(String)
        case directory
        /// Larger than `limit` bytes; `bytes` is the size when the file has one.
        case tooLarge(bytes: Int?, limit: Int)
    }

    /// The bytes of the file at `path`, at most `limit` of them.
    public static func read(_ path: String, limit: Int) throws(Failure) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadable(systemError()) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(systemError()) }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR { throw .directory }
        if type == S_IFREG, Int(status.st_size) > limit { throw .tooLarge(bytes: Int(status.st_size), limit: limit) }
        // Blocking again for the read itself: a pipe being written is read to its end.
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK)
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(systemError())
        }
        guard data.count <= limit else { throw .tooLarge(bytes: nil, limit: limit) }
        return data
    }

    /// `strerror(errno)` as text.
    static func systemError() -> String { String(cString: strerror(errno)) }
}
