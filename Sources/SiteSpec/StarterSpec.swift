/// `dcplan init`'s spec, commented, that validates as written.
public enum StarterSpec {
    /// One hall of GB300 NVL72 racks with network and storage racks, every optional section shown
    /// with its default. Every key: Sites/README.md.
    public static let yaml = """
        # A dcplan site spec (format: Sites/README.md in the dcplan repository; JSON Schema:
        # `dcplan schema`). Numbers carry their unit in the key name. Validate with
        # `dcplan validate <file>`, plan with `dcplan plan <file>`.
        version: 1

        site:
          name: My AI site
          # operator: My company
          # location: Seoul, KR
          # The region's defaults (interconnect rules, MV/LV, grid factor, tariff): KR, US or DE.
          # country: KR
          # A weather year (EPW) enables the cooling plant over the year, PUE and WUE; relative to
          # this file, e.g. weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw
          # weather: weather/your-station.epw
          # Without one, the cooling is sized at an ASHRAE 0.4 % design condition (default: Seoul's)
          # and the report has no annual energy or PUE:
          # design_conditions: { cooling_dry_bulb_c: 33.8, cooling_wet_bulb_c: 25.8,
          #                      evaporation_wet_bulb_c: 26.7, evaporation_dry_bulb_c: 31.1 }
          grid: { frequency_hz: 60 }            # Korea and the US: 60 Hz
          # commissioning: 2027-12

        workload:
          utilisation_percent: 80               # sustained GPU duty for energy (training ~70-90 %)

        # cooling:                              # defaults shown; all catalogue estimates
        #   tcs_supply_c: 36                    # liquid loop to the racks; facility water 4 K lower
        #   cdu: cdu-liquidstack-1mw
        #   heat_rejection: dry-cooler-1mw      # or cooling-tower-2mw
        #   chiller: chiller-centrifugal-wc-3500

        # cost:                                 # defaults shown (Korea); `dcplan catalog costs` lists unit costs
        #   currency: KRW                       # of the prices below: USD, EUR or KRW
        #   electricity_per_mwh: 123610         # KEPCO industrial, energy + add-ons
        #   demand_charge_per_kw_month: 7470
        #   discount_rate_percent: 8
        #   horizon_years: 20
        #   slab_limit_kn_per_m2: 25            # not checked unless given

        halls:
          - id: hall-a
            copies: 1                           # identical halls planned once and multiplied
            layout: { rows: 4, racks_per_row: 10, rack_pitch_m: 0.6, aisle_m: 1.8 }
            power:
              distribution: ac-415v             # or ac-480v, dc-800v (NVIDIA 800 VDC)
              topology: 2N                      # A/B paths; or 4N/3, block, N (single path)
              ups: { topology: N+1, module_kw: 1000, mode: double-conversion }   # modules in one frame
            racks:                              # `dcplan catalog list` shows the rack types
              - { type: gb300-nvl72, count: 32 }
              - { type: network-rack, count: 4 }
              - { type: storage-rack, count: 2 }

        """
}
