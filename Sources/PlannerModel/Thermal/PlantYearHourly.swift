/// The plant year hour by hour, as `<site>/hourly.csv` writes it (DESIGN.md §8.3): the weather,
/// the IT load and what each part of the facility draws, each loop's heat, mode and plant power.
/// Facility = IT + chain losses + pumps and fans + Σ loops' plant + house loads, every hour.
public struct PlantYearHourly: Hashable, Sendable {
    /// One water loop of the plant over the year.
    public struct Loop: Hashable, Sendable {
        public var kind: CoolingLoop.Kind
        /// Heat the loop's economisers and chillers carry: the loop's heat less any recovered, plus
        /// the heat of its own distribution pumps.
        public var heat: HourlySeries<Power>
        public var mode: [PlantMode]
        /// Chiller compressors, economiser fans and the loop's distribution and condenser pumps.
        public var plant: HourlySeries<Power>

        public init(kind: CoolingLoop.Kind, heat: HourlySeries<Power>, mode: [PlantMode], plant: HourlySeries<Power>) {
            self.kind = kind
            self.heat = heat
            self.mode = mode
            self.plant = plant
        }
    }

    /// The weather file's calendar: month 1-12, day 1-31, hour 1-24 (EPW: the hour ending).
    public var month: [UInt8]
    public var day: [UInt8]
    public var hour: [UInt8]
    public var dryBulb: HourlySeries<Temperature>
    public var wetBulb: HourlySeries<Temperature>
    /// IT power at the rack input (the PUE boundary's IT).
    public var it: HourlySeries<Power>
    /// Power-chain losses outside the racks.
    public var chainLoss: HourlySeries<Power>
    /// CDU pumps and air-unit fans inside the halls.
    public var pumpsAndFans: HourlySeries<Power>
    public var houseLoads: Power
    public var loops: [Loop]

    public init(
        month: [UInt8], day: [UInt8], hour: [UInt8], dryBulb: HourlySeries<Temperature>,
        wetBulb: HourlySeries<Temperature>, it: HourlySeries<Power>, chainLoss: HourlySeries<Power>,
        pumpsAndFans: HourlySeries<Power>, houseLoads: Power, loops: [Loop]
    ) {
        self.month = month
        self.day = day
        self.hour = hour
        self.dryBulb = dryBulb
        self.wetBulb = wetBulb
        self.it = it
        self.chainLoss = chainLoss
        self.pumpsAndFans = pumpsAndFans
        self.houseLoads = houseLoads
        self.loops = loops
    }
}
