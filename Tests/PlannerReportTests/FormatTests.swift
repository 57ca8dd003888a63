import PlannerModel
import PlannerReport
import Testing

@Suite("Number formatting")
struct FormatTests {
    @Test("fixed decimals round half away from zero and group thousands with commas")
    func fixed() {
        #expect(Format.fixed(50112, 0) == "50,112")
        #expect(Format.fixed(1234567.891, 2) == "1,234,567.89")
        #expect(Format.fixed(7.045, 1) == "7.0")
        #expect(Format.fixed(0.5, 0) == "1")
        #expect(Format.fixed(-1234.5, 1) == "-1,234.5")
        #expect(Format.fixed(-0.0001, 2) == "0.00")
        #expect(Format.fixed(999, 0) == "999")
    }

    @Test("quantities print in their report unit")
    func quantities() {
        #expect(Format.megawatts(.kilowatts(70_123)) == "70.12")
        #expect(Format.kilowatts(.kilowatts(27.1863)) == "27.2")
        #expect(Format.percent(.fraction(0.8)) == "80 %")
        #expect(Format.tonnes(.kilograms(13_600)) == "13.6")
    }

    @Test("plain numbers for JSON are rounded and never negative zero")
    func plain() {
        #expect(Format.plain(1.23456) == 1.235)
        #expect(Format.plain(-0.0001) == 0)
        #expect(Format.plain(-0.0001).sign == .plus)
    }
}
