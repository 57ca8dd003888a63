// The EPW reader and psychrometrics are being written.
