import PlannerModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Moist-air properties from ASHRAE Handbook — Fundamentals (2017, SI), chapter 1
/// "Psychrometrics". Pure functions; pressures in pascals (the parameter names say so),
/// humidity ratios in kg water per kg dry air, enthalpies in kJ per kg dry air.
///
/// The equation numbers cited are those of the 2017 chapter (unchanged in 2021). DESIGN.md §5.3
/// ("The year") describes how the plant uses them; REFERENCE.md §6.2 (§8 V16) holds the hour counts
/// the derived wet bulb reproduces.
public enum Psychrometrics {
    /// Ratio of the molar masses of water vapour and dry air, 18.015268 / 28.966 = 0.621945
    /// (ASHRAE 2017 ch. 1, eq. 22).
    public static let molarMassRatio = 0.621945

    /// Standard atmospheric pressure at sea level [Pa] (ASHRAE 2017 ch. 1, Table 1).
    public static let standardPressurePascals = 101_325.0

    // MARK: Saturation

    /// Saturation pressure of water vapour [Pa] over liquid water (t ≥ 0 °C) or over ice (t < 0 °C),
    /// Hyland–Wexler (1983) as given in ASHRAE 2017 ch. 1:
    ///
    /// - over ice, −100…0 °C (eq. 5): `ln p_ws = C1/T + C2 + C3·T + C4·T² + C5·T³ + C6·T⁴ + C7·ln T`
    /// - over water, 0…200 °C (eq. 6): `ln p_ws = C8/T + C9 + C10·T + C11·T² + C12·T³ + C13·ln T`
    ///
    /// with `T` in kelvin and `p_ws` in pascals. Checked values (ASHRAE 2017 ch. 1, Table 3):
    /// 0.6112 kPa at 0 °C, 2.3393 kPa at 20 °C, 4.2467 kPa at 30 °C.
    ///
    /// - Parameter temperature: `t`, −100…200 °C.
    /// - Returns: `p_ws` [Pa].
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 5, 6 (Hyland–Wexler 1983); DESIGN.md §5.3.
    public static func saturationPressurePascals(at temperature: Temperature) -> Double {
        saturationPressurePascals(celsius: temperature.celsius)
    }

    /// `saturationPressurePascals(at:)` on a plain Celsius value, for hot loops.
    ///
    /// - Parameter t: temperature [°C].
    /// - Returns: `p_ws` [Pa].
    @inlinable
    public static func saturationPressurePascals(celsius t: Double) -> Double {
        let T = t + Temperature.celsiusOffset
        if t < 0 {
            let lnP =
                -5.6745359e3 / T + 6.3925247 - 9.6778430e-3 * T + 6.2215701e-7 * T * T
                + 2.0747825e-9 * T * T * T - 9.4840240e-13 * T * T * T * T + 4.1635019 * log(T)
            return exp(lnP)
        } else {
            let lnP =
                -5.8002206e3 / T + 1.3914993 - 4.8640239e-2 * T + 4.1764768e-5 * T * T
                - 1.4452093e-8 * T * T * T + 6.5459673 * log(T)
            return exp(lnP)
        }
    }

    // MARK: Humidity ratio

    /// Humidity ratio of moist air from its water-vapour partial pressure.
    ///
    /// `W = 0.621945 · p_w / (p − p_w)`
    ///
    /// - Parameters:
    ///   - pw: `p_w`, the water-vapour partial pressure [Pa].
    ///   - p: `p`, the total (station) pressure [Pa].
    /// - Returns: `W` [kg water per kg dry air].
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 20, 22.
    @inlinable
    public static func humidityRatio(vapourPressurePascals pw: Double, pressurePascals p: Double) -> Double {
        molarMassRatio * pw / (p - pw)
    }

    /// Humidity ratio from the dew point.
    ///
    /// `p_w = p_ws(t_d)`, then `W = 0.621945 · p_w / (p − p_w)`
    ///
    /// - Parameters:
    ///   - dewPoint: `t_d`.
    ///   - p: the total (station) pressure [Pa].
    /// - Returns: `W` [kg/kg dry air].
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 37 (read backwards), eq. 22.
    public static func humidityRatio(dewPoint: Temperature, pressurePascals p: Double) -> Double {
        humidityRatio(vapourPressurePascals: saturationPressurePascals(at: dewPoint), pressurePascals: p)
    }

    /// Humidity ratio from dry bulb and relative humidity.
    ///
    /// `p_w = φ · p_ws(t)`, then `W = 0.621945 · p_w / (p − p_w)`
    ///
    /// - Parameters:
    ///   - dryBulb: `t`.
    ///   - relativeHumidity: `φ` (fraction).
    ///   - p: the total (station) pressure [Pa].
    /// - Returns: `W` [kg/kg dry air].
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 24, 22.
    public static func humidityRatio(dryBulb: Temperature, relativeHumidity: Ratio, pressurePascals p: Double) -> Double
    {
        humidityRatio(
            vapourPressurePascals: relativeHumidity.fraction * saturationPressurePascals(at: dryBulb),
            pressurePascals: p)
    }

    /// Humidity ratio [kg/kg] from dry bulb `t` and thermodynamic wet bulb `t*` [°C]
    /// (ASHRAE 2017 ch. 1):
    ///
    /// - t* ≥ 0 °C (eq. 33): `W = ((2501 − 2.326 t*)·W*_s − 1.006 (t − t*)) / (2501 + 1.86 t − 4.186 t*)`
    /// - t* < 0 °C (eq. 35): `W = ((2830 − 0.24 t*)·W*_s − 1.006 (t − t*)) / (2830 + 1.86 t − 2.1 t*)`
    ///
    /// where `W*_s` is the saturation humidity ratio at `t*` and pressure `p`.
    ///
    /// - Parameters:
    ///   - dryBulb: `t`.
    ///   - wetBulb: `t*`, the thermodynamic wet bulb.
    ///   - p: the total (station) pressure [Pa].
    /// - Returns: `W` [kg/kg dry air].
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 33, 35.
    public static func humidityRatio(dryBulb: Temperature, wetBulb: Temperature, pressurePascals p: Double) -> Double {
        humidityRatio(dryBulbCelsius: dryBulb.celsius, wetBulbCelsius: wetBulb.celsius, pressurePascals: p)
    }

    /// `humidityRatio(dryBulb:wetBulb:pressurePascals:)` on °C numbers `t`, `t*` [°C] and `p` [Pa],
    /// for the wet-bulb bisection; returns `W` [kg/kg dry air].
    @inlinable
    static func humidityRatio(dryBulbCelsius t: Double, wetBulbCelsius ts: Double, pressurePascals p: Double) -> Double
    {
        let wss = humidityRatio(vapourPressurePascals: saturationPressurePascals(celsius: ts), pressurePascals: p)
        if ts >= 0 {
            return ((2501 - 2.326 * ts) * wss - 1.006 * (t - ts)) / (2501 + 1.86 * t - 4.186 * ts)
        } else {
            return ((2830 - 0.24 * ts) * wss - 1.006 * (t - ts)) / (2830 + 1.86 * t - 2.1 * ts)
        }
    }

    // MARK: Wet bulb

    /// Tolerance to which `wetBulb` solves the psychrometric equation [K].
    public static let wetBulbTolerance = 1e-6

    /// Thermodynamic wet-bulb temperature from dry bulb, dew point and pressure: the `t*` at which
    /// eq. 33/35 (see `humidityRatio(dryBulb:wetBulb:pressurePascals:)`) returns the humidity ratio
    /// of the air, `W(t_d, p)`. Solved by bisection on `[t_d, t]` (W(t*) rises with t*) to
    /// `wetBulbTolerance`. A dew point above the dry bulb is treated as saturated air (t* = t).
    ///
    /// - Parameters:
    ///   - dryBulb: `t`.
    ///   - dewPoint: `t_d`.
    ///   - p: the total (station) pressure [Pa].
    /// - Returns: `t*`, within `wetBulbTolerance` (1e-6 K).
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 37, 22, 33/35; DESIGN.md §5.3.
    public static func wetBulb(dryBulb: Temperature, dewPoint: Temperature, pressurePascals p: Double) -> Temperature {
        let w = humidityRatio(dewPoint: dewPoint, pressurePascals: p)
        return .celsius(
            wetBulbCelsius(
                dryBulbCelsius: dryBulb.celsius, humidityRatio: w, pressurePascals: p,
                lowerBoundCelsius: min(dewPoint.celsius, dryBulb.celsius)))
    }

    /// Thermodynamic wet bulb from dry bulb, relative humidity and pressure (eq. 24 → eq. 22 →
    /// bisection on eq. 33/35). This is how `WeatherYear` derives its hourly wet bulb.
    ///
    /// - Parameters:
    ///   - dryBulb: `t`.
    ///   - relativeHumidity: `φ` (fraction).
    ///   - p: the total (station) pressure [Pa].
    /// - Returns: `t*`, within `wetBulbTolerance` (1e-6 K).
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 24, 22, 33/35; DESIGN.md §5.3;
    /// REFERENCE.md §6.2 (the WB hour counts this reproduces, §8 V16).
    public static func wetBulb(dryBulb: Temperature, relativeHumidity: Ratio, pressurePascals p: Double) -> Temperature
    {
        let w = humidityRatio(dryBulb: dryBulb, relativeHumidity: relativeHumidity, pressurePascals: p)
        return .celsius(wetBulbCelsius(dryBulbCelsius: dryBulb.celsius, humidityRatio: w, pressurePascals: p))
    }

    /// Thermodynamic wet bulb of air of known humidity ratio: the `t*` at which eq. 33/35 gives `w`,
    /// by bisection between `lowerBoundCelsius` and `t` (widened downwards in 10 K steps if needed).
    ///
    /// `W(t, t*, p) = w`, solved for `t*`
    ///
    /// - Parameters:
    ///   - t: the dry bulb [°C].
    ///   - w: the humidity ratio [kg/kg dry air].
    ///   - p: the total (station) pressure [Pa].
    ///   - lowerBoundCelsius: a temperature at or below the wet bulb [°C] (the dew point will do).
    /// - Returns: `t*` [°C], within `wetBulbTolerance` (1e-6 K); `t` when the air is saturated.
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 33, 35; DESIGN.md §5.3.
    public static func wetBulbCelsius(
        dryBulbCelsius t: Double, humidityRatio w: Double, pressurePascals p: Double,
        lowerBoundCelsius: Double = -100
    ) -> Double {
        var lo = min(lowerBoundCelsius, t) - 1e-3
        var hi = t
        if humidityRatio(dryBulbCelsius: t, wetBulbCelsius: hi, pressurePascals: p) <= w { return t }
        while humidityRatio(dryBulbCelsius: t, wetBulbCelsius: lo, pressurePascals: p) > w { lo -= 10 }
        while hi - lo > wetBulbTolerance {
            let mid = 0.5 * (lo + hi)
            if humidityRatio(dryBulbCelsius: t, wetBulbCelsius: mid, pressurePascals: p) > w {
                hi = mid
            } else {
                lo = mid
            }
        }
        return 0.5 * (lo + hi)
    }

    // MARK: Enthalpy and dew point

    /// Specific enthalpy of moist air, 0 at 0 °C dry air and 0 °C liquid water.
    ///
    /// `h = 1.006 t + W (2501 + 1.86 t)`, `t` in °C
    ///
    /// - Parameters:
    ///   - dryBulb: `t`.
    ///   - w: `W`, the humidity ratio [kg/kg dry air].
    /// - Returns: `h` [kJ per kg dry air].
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 30.
    public static func enthalpyKilojoulesPerKilogram(dryBulb: Temperature, humidityRatio w: Double) -> Double {
        let t = dryBulb.celsius
        return 1.006 * t + w * (2501 + 1.86 * t)
    }

    /// Dew point of air of known water-vapour partial pressure: the temperature at which the air
    /// saturates, by bisection on −100…200 °C to `wetBulbTolerance`.
    ///
    /// `p_ws(t_d) = p_w`, solved for `t_d`
    ///
    /// - Parameter pw: `p_w`, the water-vapour partial pressure [Pa].
    /// - Returns: `t_d`, within 1e-6 K.
    ///
    /// Source: ASHRAE Handbook — Fundamentals 2017 ch. 1 eq. 37 (with eq. 5, 6 for `p_ws`).
    public static func dewPoint(vapourPressurePascals pw: Double) -> Temperature {
        var lo = -100.0
        var hi = 200.0
        while hi - lo > wetBulbTolerance {
            let mid = 0.5 * (lo + hi)
            if saturationPressurePascals(celsius: mid) > pw { hi = mid } else { lo = mid }
        }
        return .celsius(0.5 * (lo + hi))
    }
}
