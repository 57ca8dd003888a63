import Foundation
import Testing
import _PlannerTestSupport

#if os(Linux)
    import Glibc

    /// A private single-node Slurm cluster for one test (DESIGN.md §7.1): its own munge key and socket,
    /// slurm.conf, state and spool folders, logs and free ports, all under a temporary folder; the
    /// daemons run in the foreground as child processes and are stopped by their process ids. Nothing
    /// outside the folder is touched, so it runs beside a real cluster on the same machine.
    final class PrivateSlurm {
        /// The daemons and commands it needs, found on PATH or in the sbin folders where Debian puts the
        /// daemons (`apt-get install slurm-wlm munge`).
        static let tools = ["sbatch", "squeue", "scontrol", "sinfo", "slurmctld", "slurmd", "slurmstepd", "munged"]

        static func which(_ name: String) -> String? {
            let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            return (path + ["/usr/sbin", "/sbin", "/usr/local/sbin"]).map { $0 + "/" + name }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }

        /// Slurm and munge are installed, and this is root (slurmd starts each job's step daemon as
        /// the job's user).
        static var available: Bool { getuid() == 0 && tools.allSatisfy { which($0) != nil } }

        let dir: String
        /// The environment for Slurm commands: this cluster's `SLURM_CONF`.
        let environment: [String: String]
        private var daemons: [(name: String, pid: pid_t)] = []
        private var commands = 0

        init() throws {
            // A short path: the munge socket's path must fit in a sockaddr_un (108 bytes).
            var template = Array("/tmp/dcplan-slurm-XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw RunError("mkdtemp failed") }
            dir = String(cString: made)
            // munged requires every folder above its socket to be searchable by all.
            chmod(dir, 0o755)
            environment = ProcessInfo.processInfo.environment.merging(["SLURM_CONF": dir + "/slurm.conf"]) { $1 }
            for folder in ["state", "spool", "work"] {
                try FileManager.default.createDirectory(atPath: dir + "/" + folder, withIntermediateDirectories: true)
            }
        }

        deinit {
            stop()
            try? FileManager.default.removeItem(atPath: dir)
        }

        struct RunError: Error, CustomStringConvertible {
            var description: String
            init(_ description: String) { self.description = description }
        }

        /// Starts `arguments[0]` (a path) with its output appended to `log`, standard input from /dev/null,
        /// every signal unblocked and at its default action, and no descriptor of this process but those
        /// three. (Foundation's `Process` hands on the test threads' blocked signals, so a munged or
        /// slurmd started with it ignores SIGTERM, and any open descriptor, such as another test's pipe.)
        static func spawn(_ arguments: [String], environment: [String: String], log: String) throws -> pid_t {
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            var all = sigset_t()
            sigfillset(&all)
            posix_spawnattr_setsigdefault(&attributes, &all)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            // Every other descriptor open now (glibc ignores one that is closed by the time the child starts).
            let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            for fd in open.compactMap({ Int32($0) }) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
            let argv = arguments.map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
            defer { for pointer in argv + envp { free(pointer) } }
            var pid = pid_t()
            let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
            guard status == 0 else {
                throw RunError("cannot start \(arguments[0]): \(String(cString: strerror(status)))")
            }
            return pid
        }

        /// Waits for a child to end: its exit status (128 + the signal when killed).
        @discardableResult
        static func reap(_ pid: pid_t) -> Int32 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + status & 0x7f
        }

        /// Runs a command to completion in `folder`: its exit status and its standard output and error together.
        @discardableResult
        func run(_ tool: String, _ arguments: [String], in folder: String? = nil, extra: [String: String] = [:]) throws
            -> (status: Int32, output: String)
        {
            commands += 1
            let log = dir + "/command-\(commands).out"
            let path = Self.which(tool) ?? tool
            // sh changes to the folder, then becomes the command.
            let line = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder ?? dir, path] + arguments
            let status = Self.reap(try Self.spawn(line, environment: environment.merging(extra) { $1 }, log: log))
            return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
        }

        /// A free TCP port on the loopback interface (bound to port 0, read back, released).
        static func freePort() throws -> Int {
            #if canImport(Glibc)
                let stream = Int32(SOCK_STREAM.rawValue)
            #else
                let stream = SOCK_STREAM
            #endif
            let fd = socket(AF_INET, stream, 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
                }
            }
            guard bound else { throw RunError("cannot bind a port on 127.0.0.1") }
            return Int(UInt16(bigEndian: address.sin_port))
        }

        private func start(_ name: String, _ arguments: [String]) throws {
            let pid = try Self.spawn(
                [Self.which(name) ?? name] + arguments, environment: environment, log: dir + "/\(name).out")
            daemons.append((name, pid))
        }

        /// Polls `condition` every 0.2 s for up to `seconds`.
        func wait(_ seconds: Double, for condition: () throws -> Bool) rethrows -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if try condition() { return true }
                usleep(200_000)
            }
            return try condition()
        }

        /// A daemon's output and log, for a failure message.
        func logs() -> String {
            ["munged.out", "slurmctld.out", "slurmd.out", "slurmctld.log", "slurmd.log"].map { name in
                let text = (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? ""
                return "== \(name)\n" + text.split(separator: "\n").suffix(15).joined(separator: "\n")
            }.joined(separator: "\n")
        }

        /// Starts munged, slurmctld and slurmd and waits until the node is idle.
        func start() throws {
            // munge: a 1,024-byte key readable only by its owner, and a socket of our own.
            var generator = SystemRandomNumberGenerator()
            let key = Data((0..<1024).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            guard
                FileManager.default.createFile(
                    atPath: dir + "/munge.key", contents: key, attributes: [.posixPermissions: 0o600])
            else { throw RunError("cannot write the munge key") }
            let socket = dir + "/munge.sock"
            try start(
                "munged",
                [
                    "--foreground", "--key-file=\(dir)/munge.key", "--socket=\(socket)", "--pid-file=\(dir)/munged.pid",
                    "--log-file=\(dir)/munged.log", "--seed-file=\(dir)/munged.seed",
                ])
            guard wait(10, for: { FileManager.default.fileExists(atPath: socket) }) else {
                throw RunError("munged did not start:\n\(logs())")
            }
            // The node as slurmd sees it (name, CPUs, sockets, memory), reached on the loopback address.
            let detected = try run("slurmd", ["-C"]).output.split(separator: "\n").first { $0.hasPrefix("NodeName=") }
            guard let node = detected, let name = node.split(separator: " ").first?.dropFirst("NodeName=".count) else {
                throw RunError("slurmd -C did not describe the node")
            }
            let user = String(cString: getpwuid(getuid()).pointee.pw_name)
            try """
            ClusterName=dcplan-test
            SlurmctldHost=\(name)(127.0.0.1)
            SlurmctldPort=\(try Self.freePort())
            SlurmdPort=\(try Self.freePort())
            SlurmUser=\(user)
            SlurmdUser=\(user)
            AuthType=auth/munge
            AuthInfo=socket=\(socket)
            CredType=cred/munge
            StateSaveLocation=\(dir)/state
            SlurmdSpoolDir=\(dir)/spool
            SlurmctldPidFile=\(dir)/slurmctld.pid
            SlurmdPidFile=\(dir)/slurmd.pid
            SlurmctldLogFile=\(dir)/slurmctld.log
            SlurmdLogFile=\(dir)/slurmd.log
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            JobCompType=jobcomp/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            SchedulerType=sched/builtin
            MpiDefault=none
            SwitchType=switch/none
            ReturnToService=2
            \(node) NodeAddr=127.0.0.1 State=UNKNOWN
            PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP

            """.write(toFile: dir + "/slurm.conf", atomically: true, encoding: .utf8)
            // -D: stay in the foreground (a child of this test, stopped by its pid); -i: no saved state.
            try start("slurmctld", ["-D", "-i"])
            try start("slurmd", ["-D"])
            let idle = try wait(60) {
                try run("sinfo", ["--noheader", "--format=%t"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
                    == "idle"
            }
            guard idle else { throw RunError("the node did not become idle:\n\(logs())") }
        }

        /// A job's state (`PENDING`, `RUNNING`, `COMPLETED`, `FAILED`, …; one per task of an array).
        func states(of job: String) throws -> [String] {
            try run("scontrol", ["--oneliner", "show", "job", job]).output.split(separator: "\n").compactMap { line in
                line.split(separator: " ").first { $0.hasPrefix("JobState=") }.map { String($0.dropFirst(9)) }
            }
        }

        /// Stops the daemons, newest first, each by its process id: SIGTERM, then SIGKILL if it is still
        /// running after 10 s.
        func stop() {
            for (_, pid) in daemons.reversed() {
                kill(pid, SIGTERM)
                var status: Int32 = 0
                let ended = wait(10) { waitpid(pid, &status, WNOHANG) == pid }
                if !ended {
                    kill(pid, SIGKILL)
                    Self.reap(pid)
                }
            }
            daemons = []
        }
    }

    @Suite("the Slurm example")
    struct SlurmTests {
        @Test(
            "Scripts/slurm on a private single-node Slurm: the job array and the dependent merge give the bytes of one unsharded run",
            .enabled(if: PrivateSlurm.available, "needs root and Slurm with munge (apt-get install slurm-wlm munge)"),
            .timeLimit(.minutes(5)))
        func jobArrayAndMerge() throws {
            guard FileManager.default.isExecutableFile(atPath: AtomicOutputTests.executable.path) else {
                Issue.record("dcplan is not built at \(AtomicOutputTests.executable.path)")
                return
            }
            let clock = ContinuousClock()
            let began = clock.now
            let cluster = try PrivateSlurm()
            try cluster.start()
            let started = clock.now
            let work = cluster.dir + "/work"
            let spec = try SweepTests.writeSweep(in: URL(fileURLWithPath: work))
            // As the README says: Scripts/slurm/submit.sh SWEEP OUT SHARDS, from the folder the paths are relative to.
            let submitted = try cluster.run(
                "/bin/sh", [RepositoryPaths.path("Scripts/slurm/submit.sh"), "s.yaml", "out", "3"], in: work,
                extra: ["DCPLAN": AtomicOutputTests.executable.path, "CPUS": "1"])
            #expect(submitted.status == 0, "\(submitted.output)\n\(cluster.logs())")
            let ids = submitted.output.split(whereSeparator: \.isWhitespace).map(String.init)
            try #require(ids.count == 2, "submit.sh printed '\(submitted.output)'")
            let (array, merge) = (ids[0], ids[1])
            let finished = try cluster.wait(180) {
                let state = try cluster.states(of: merge)
                return state.contains { $0 != "PENDING" && $0 != "RUNNING" && $0 != "CONFIGURING" }
            }
            let ran = clock.now
            #expect(finished, "the merge job did not finish:\n\(cluster.logs())")
            #expect(try cluster.states(of: array) == ["COMPLETED", "COMPLETED", "COMPLETED"])
            let mergeLog = (try? String(contentsOfFile: work + "/out/slurm-\(merge)-merge.log", encoding: .utf8)) ?? ""
            #expect(try cluster.states(of: merge) == ["COMPLETED"], "\(mergeLog)")
            #expect(mergeLog.contains("out/merged: 9 scenarios merged from 3 shards"), "\(mergeLog)")
            // Each task ran its own shard with the threads Slurm gave it (--cpus-per-task=1), not every core.
            for task in 0..<3 {
                let log = try String(contentsOfFile: work + "/out/slurm-\(array)_\(task).log", encoding: .utf8)
                #expect(log.contains("out/shard-\(task): 3 scenarios (shard \(task)/3)"), "\(log)")
                #expect(log.contains(" 1 threads)"), "\(log)")
            }
            // The merged folder is byte for byte what one unsharded run writes.
            let whole = URL(fileURLWithPath: work + "/whole")
            #expect(runDcplan(["sweep", "run", spec, "--out", whole.path, "--quiet"]).status == 0)
            let merged = try SweepTests.files(in: URL(fileURLWithPath: work + "/out/merged"))
            #expect(merged.keys.contains("results.csv") && merged.keys.contains("sweep.md"))
            #expect(merged == (try SweepTests.files(in: whole)))
            cluster.stop()
            print(
                "private Slurm: started in \(started - began), array of 3 and merge in \(ran - started), "
                    + "whole test \(clock.now - began)")
        }
    }
#endif

@Suite("the cluster scripts")
struct ClusterScriptTests {
    /// Runs a program to completion: its exit status and its standard output and error together.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test("the Slurm files are shell scripts sbatch accepts (#!/bin/sh first), parse, and run one thread per CPU given")
    func slurmFiles() throws {
        for name in ["sweep-array.sbatch", "merge.sbatch", "submit.sh"] {
            let path = RepositoryPaths.path("Scripts/slurm/" + name)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("#!/bin/sh\n"), "\(name)")
            let parsed = try Self.run(["sh", "-n", path])
            #expect(parsed.status == 0, "\(name): \(parsed.output)")
        }
        let array = try String(
            contentsOfFile: RepositoryPaths.path("Scripts/slurm/sweep-array.sbatch"), encoding: .utf8)
        #expect(array.contains("--threads \"${SLURM_CPUS_PER_TASK:-1}\""))
        #expect(array.contains("--shard \"$task/$shards\""))
        // The README shows the batch file as it is, less its comments.
        let shown = array.split(separator: "\n").filter { !$0.hasPrefix("# ") && $0 != "#" }.joined(separator: "\n")
        let readme = try String(contentsOfFile: RepositoryPaths.path("README.md"), encoding: .utf8)
        #expect(readme.contains("```sh\n" + shown + "\n```"), "README.md must show:\n\(shown)")
        let submit = try String(contentsOfFile: RepositoryPaths.path("Scripts/slurm/submit.sh"), encoding: .utf8)
        #expect(submit.contains("--dependency=\"afterok:$array\""))
    }

    @Test("the Kubernetes manifests parse with python3-yaml and the shard count, completions and merge agree")
    func kubernetesManifests() throws {
        let checked = try Self.run(["python3", RepositoryPaths.path(".ci/check-kubernetes.py")])
        #expect(
            checked.status == 0,
            "needs python3 with yaml (apt-get install python3-yaml): \(checked.output)")
        #expect(checked.output.contains("2 Kubernetes manifests checked, 0 problems"))
    }
}
