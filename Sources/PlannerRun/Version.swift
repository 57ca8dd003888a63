/// dcplan's version, shown by `dcplan --version` and in every report's "How to reproduce".
public enum DcplanVersion {
    public static let current = "0.1.0"
}
