import Catalogue
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Power-chain stage catalogue and loss-curve fit")
struct StageCatalogueTests {
    @Test("every stage entry is consistent, cites REFERENCE.md, and an uncited one is an L open item")
    func entriesAreSound() {
        #expect(Set(BuiltInStages.all.map(\.id)).count == BuiltInStages.all.count, "duplicate stage IDs")
        for entry in BuiltInStages.all {
            #expect(entry.inconsistencies.isEmpty, "\(entry.id): \(entry.inconsistencies)")
            #expect(entry.provenance.source.contains("REFERENCE.md"), "\(entry.id) cites no REFERENCE.md row")
            if entry.provenance.source.contains("open item") {
                #expect(entry.provenance.confidence == .low, "\(entry.id) is an open item but not labelled L")
            }
        }
    }

    @Test("the catalogue covers every stage kind of the AC and 800 VDC chains")
    func coversEveryKind() {
        #expect(Set(BuiltInStages.all.map(\.kind)) == Set(StageKind.allCases))
    }

    @Test("exactly determined fits reproduce their points to 1e-12 in efficiency")
    func exactFitsReproducePoints() {
        // Two points and [a, c], one point and one term, four flat points and [b]: interpolation.
        for entry in BuiltInStages.all where entry.kind != .upsDoubleConversion {
            for r in LossCurveFit.residuals(of: entry.curve, at: entry.points) {
                #expect(abs(r) < 1e-12, "\(entry.id): residual \(r)")
            }
        }
    }

    @Test("the MV/LV transformer fit is core plus copper loss through D16's two points")
    func transformerCoefficients() {
        // 1/0.992 − 1 = 0.0080645 → per unit at x = 0.5: 0.0040323; at x = 1: 1/0.99 − 1 = 0.0101010.
        // c = (0.0101010 − 0.0040323)/0.75 = 0.0080917; a = 0.0101010 − c = 0.0020093.
        let curve = BuiltInStages.mvlvTransformer415.curve
        let fullLoad: Double = 1 / 0.99 - 1
        let halfLoad: Double = 0.5 * (1 / 0.992 - 1)
        let c = (fullLoad - halfLoad) / 0.75
        #expect(isClose(curve.square, c, relative: 1e-12))
        #expect(isClose(curve.noLoad, fullLoad - c, relative: 1e-12))
        #expect(curve.proportional == 0)
        // Peak efficiency where a = c·x²: x = √(a/c) ≈ 0.498, the ≈50 % of the REFERENCE row.
        #expect(isClose((curve.noLoad / curve.square).squareRoot(), 0.4983, relative: 1e-3))
    }

    @Test("the UPS double-conversion fit (4 points, 3 parameters) stays within 0.15 points of REFERENCE")
    func upsFit() {
        // Least squares on the loss ratio; residuals η_fit − η [points]:
        // 25 %: −0.013, 50 %: +0.079, 75 %: −0.119, 100 %: +0.053.
        let entry = BuiltInStages.upsDoubleConversion
        let residuals = LossCurveFit.residuals(of: entry.curve, at: entry.points)
        let expected = [-0.000127, 0.000787, -0.001191, 0.000528]
        #expect(residuals.count == expected.count)
        for (r, e) in zip(residuals, expected) { #expect(abs(r - e) < 2e-6, "residual \(r), expected \(e)") }
        #expect(residuals.map(abs).max()! < 0.0015)
    }

    @Test("80 PLUS Titanium 230 V redundant (V18, D14): the quadratic fit is within 0.75 points")
    func titaniumFit() throws {
        // 90/94/96/91 % at 10/20/50/100 %. Three parameters cannot pass through four points, and
        // the real curve drops 5 points between 50 % and 100 %, more than a + b·x + c·x² allows.
        // Fit: a = 0.014044, b = −0.038703, c = 0.120846. Residuals η_fit − η [points]:
        // 10 %: −0.219, 20 %: +0.725, 50 %: −0.745, 100 %: +0.225; max |error| 0.745 points.
        let points: [EfficiencyPoint] = [.percent(10, 90), .percent(20, 94), .percent(50, 96), .percent(100, 91)]
        let curve = try #require(LossCurveFit.fit(points))
        #expect(isClose(curve.noLoad, 0.014044, relative: 1e-4))
        #expect(isClose(curve.proportional, -0.038703, relative: 1e-4))
        #expect(isClose(curve.square, 0.120846, relative: 1e-4))
        let residuals = LossCurveFit.residuals(of: curve, at: points)
        let expected = [-0.002193, 0.007250, -0.007445, 0.002253]
        #expect(residuals.count == expected.count)
        for (r, e) in zip(residuals, expected) { #expect(abs(r - e) < 2e-6, "residual \(r), expected \(e)") }
        let worst = residuals.map(abs).max()!
        #expect(worst < 0.0075 && worst > 0.007) // honest: the fit misses by ≈0.74 points somewhere
        // The loss stays positive across the range although b < 0.
        #expect((0...20).allSatisfy { curve.perUnitLoss(at: .fraction(Double($0) / 20)) > 0 })
    }

    @Test("a fit with fewer distinct loads than terms, or a point at zero load, is refused")
    func underdeterminedFit() {
        #expect(LossCurveFit.fit([.percent(100, 98)]) == nil)
        #expect(LossCurveFit.fit([.percent(50, 98), .percent(50, 97)], terms: [.noLoad, .square]) == nil)
        #expect(LossCurveFit.fit([.percent(0, 98)], terms: [.proportional]) == nil)
    }

    @Test("an efficiency above 100 % makes an entry inconsistent")
    func efficiencyAboveOne() {
        var entry = BuiltInStages.upsEcoMode
        entry.points[0] = .percent(25, 101)
        #expect(entry.inconsistencies.contains { $0.contains("efficiency must be within (0, 100] %") })
    }

    @Test("busway loss follows I²: 480 V loses (415/480)² of 415 V; 800 VDC 2·(415·0.95)²/800² = 0.486 of it")
    func distributionLossScaling() {
        // Full-load loss share = 1/η − 1 at x = 1.
        func share(_ e: StageEntry) -> Double { e.curve.perUnitLoss(at: .one) }
        #expect(isClose(share(BuiltInStages.acBusway415), 0.01, relative: 1e-12)) // D17
        #expect(isClose(share(BuiltInStages.acBusway480), 0.01 * (415.0 / 480) * (415.0 / 480), relative: 1e-12))
        #expect(isClose(share(BuiltInStages.dcBusway800), 0.01 * 2 * 394.25 * 394.25 / 640_000, relative: 1e-12))
        #expect(isClose(share(BuiltInStages.dcBusway800), 0.0048573, relative: 1e-4))
    }

    @Test("a kVA rating carries S·pf of real power: 2.5 MVA at pf 0.95 is 2.375 MW")
    func apparentRating() {
        #expect(isClose(BuiltInStages.mvlvTransformer415.unitRating.megawatts, 2.375))
        #expect(BuiltInStages.upsDoubleConversion.unitRating == .kilowatts(1000))
    }
}
