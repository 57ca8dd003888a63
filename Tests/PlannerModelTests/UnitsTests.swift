import Foundation
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Units")
struct UnitsTests {
    @Test("a floor distance is within a limit up to 1 µm beyond it, and not past that")
    func floorTolerance() {
        // (3.0·6 + 0.6) − (3.0·5 + 0.6) is 3.0000000000000018 in doubles: within 3 m.
        #expect(Length.metres(3.0 * 6 + 0.6 - (3.0 * 5 + 0.6)).isWithin(.metres(3)))
        #expect(Length.metres(3.0000009).isWithin(.metres(3)))
        #expect(!Length.metres(3.0000011).isWithin(.metres(3)))
        #expect(Length.metres(2).isWithin(.metres(3)))
    }

    @Test("power converts between watts, kilowatts and megawatts")
    func powerConversions() {
        let p = Power.kilowatts(132)
        #expect(p.watts == 132_000)
        #expect(p.megawatts == 0.132)
        #expect(Power.megawatts(1.2).kilowatts == 1200)
    }

    @Test("power over a year gives energy: 1 MW × 8,760 h = 8,760 MWh")
    func powerTimesDuration() {
        let e = Power.megawatts(1) * .year
        // 1e6 W × 8760 × 3600 s = 3.1536e13 J = 8760 MWh
        #expect(e.joules == 3.1536e13)
        #expect(isClose(e.megawattHours, 8760))
        #expect(isClose((Power.kilowatts(1) * .hour).kilowattHours, 1))
    }

    @Test("quantities add, subtract, scale and divide within one dimension")
    func arithmetic() {
        let a = Power.kilowatts(100)
        let b = Power.kilowatts(40)
        #expect(a + b == .kilowatts(140))
        #expect(a - b == .kilowatts(60))
        #expect(a * 2 == .kilowatts(200))
        #expect(0.5 * a == .kilowatts(50))
        #expect(a / 4 == .kilowatts(25))
        #expect(a / b == 2.5)
        #expect(b < a)
        #expect([a, b].sum { $0 } == .kilowatts(140))
    }

    @Test("temperatures convert between Celsius, kelvin and Fahrenheit")
    func temperatureConversions() {
        #expect(Temperature.celsius(30).kelvins == 303.15)
        #expect(isClose(Temperature.kelvins(273.15).celsius, 0, absolute: 1e-12))
        #expect(isClose(Temperature.fahrenheit(212).celsius, 100))
        #expect(isClose(Temperature.celsius(-40).fahrenheit, -40))
    }

    @Test("the difference of two temperatures is a temperature difference, not a temperature")
    func temperatureDifference() {
        // 40 °C − 30 °C = 10 K (Foundation's Measurement would give −263.15 °C here).
        let rise: TemperatureDifference = Temperature.celsius(40) - Temperature.celsius(30)
        #expect(isClose(rise.kelvins, 10))
        #expect(isClose((Temperature.celsius(30) + TemperatureDifference.kelvins(10)).celsius, 40))
        #expect(isClose((Temperature.celsius(30) - TemperatureDifference.kelvins(5)).celsius, 25))
        #expect(isClose((TemperatureDifference.kelvins(3) + .kelvins(2)).kelvins, 5))
    }

    @Test("other dimensions convert through their named factories")
    func otherConversions() {
        #expect(Mass.tonnes(1.36).kilograms == 1360)
        #expect(isClose(Energy.kilowattHours(1).joules, 3.6e6))
        #expect(isClose(VolumetricFlow.litresPerMinute(60).cubicMetresPerSecond, 0.001))
        #expect(Length.millimetres(600).metres == 0.6)
        #expect(Area.squareMillimetres(240).squareMetres == 2.4e-4)
        #expect(Voltage.kilovolts(154).volts == 154_000)
        #expect(Current.kiloamperes(2.5).amperes == 2500)
        #expect(Ratio.percent(80).fraction == 0.8)
        #expect(isClose(Ratio.fraction(0.92).complement.fraction, 0.08))
    }

    @Test("quantities encode as their SI value")
    func codable() throws {
        let data = try JSONEncoder().encode(Power.kilowatts(1.5))
        #expect(String(decoding: data, as: UTF8.self) == "1500")
        #expect(try JSONDecoder().decode(Power.self, from: data) == .kilowatts(1.5))
    }
}
