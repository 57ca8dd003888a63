import Foundation
import PlannerModel
import Testing

@Suite("Latin hypercube, distributions and rank statistics (DESIGN.md §5.20)")
struct UncertaintyModelTests {
    @Test("each of the N strata of every variable holds exactly one sample")
    func stratified() {
        for (n, d) in [(1, 3), (7, 5), (50, 4), (1000, 2)] {
            let design = LatinHypercube(samples: n, variables: d, seed: 42)
            for v in 0..<d {
                let strata = (0..<n).map { design.stratum(sample: $0, variable: v) }
                #expect(Set(strata) == Set(0..<n), "n \(n), variable \(v)")
                for i in 0..<n {
                    let u = design.value(sample: i, variable: v)
                    #expect(u > 0 && u < 1)
                }
            }
        }
    }

    @Test("the design is a function of the seed: the same seed gives the same values, another seed others")
    func seeded() {
        let a = LatinHypercube(samples: 20, variables: 3, seed: 1)
        let b = LatinHypercube(samples: 20, variables: 3, seed: 1)
        let c = LatinHypercube(samples: 20, variables: 3, seed: 2)
        #expect(a == b)
        #expect(a != c)
        // SplitMix64's first output for seed 0 is the published 0xE220A8397B1DCDAF (Vigna's reference code).
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("triangular quantiles match the inverse distribution function worked by hand")
    func triangular() throws {
        // a = 0, c = 2, b = 10: F(c) = (2 − 0)/(10 − 0) = 0.2.
        let t = InputDistribution.triangular(low: 0, mode: 2, high: 10)
        func q(_ u: Double) throws -> Double {
            guard case .number(let x) = t.quantile(u) else { throw CancellationError() }
            return x
        }
        // u = 0.1 < 0.2: x = 0 + √(0.1 · 10 · 2) = √2 = 1.414214.
        #expect(abs(try q(0.1) - 2.0.squareRoot()) < 1e-12)
        // u = 0.2: the mode.
        #expect(abs(try q(0.2) - 2) < 1e-12)
        // u = 0.5: x = 10 − √(0.5 · 10 · 8) = 10 − √40 = 3.675445.
        #expect(abs(try q(0.5) - (10 - 40.0.squareRoot())) < 1e-12)
        // u = 0.9: x = 10 − √(0.1 · 80) = 10 − 2.828427 = 7.171573.
        #expect(abs(try q(0.9) - 7.171572875253810) < 1e-12)
        #expect(t.central == .number(2))
    }

    @Test("normal quantiles match the standard table to double precision")
    func normal() throws {
        // Φ⁻¹ from the standard normal table (values to 15 digits, e.g. R's qnorm).
        let cases: [(Double, Double)] = [
            (0.5, 0), (0.9, 1.2815515655446004), (0.975, 1.959963984540054), (0.001, -3.090232306167813),
            (0.02, -2.053748910631823), (0.99, 2.326347874040841),
        ]
        for (p, x) in cases {
            #expect(abs(InputDistribution.standardNormalQuantile(p) - x) < 1e-12, "p \(p)")
        }
        // N(100, 15) at u = 0.9: 100 + 15 · 1.2815516 = 119.223273.
        guard case .number(let x) = InputDistribution.normal(mean: 100, sd: 15).quantile(0.9) else {
            Issue.record("not a number")
            return
        }
        #expect(abs(x - 119.22327348316901) < 1e-9)
    }

    @Test("alternatives are equally likely: u in [k/n, (k+1)/n) picks the k-th")
    func alternatives() {
        let d = InputDistribution.alternatives([.text("a"), .text("b"), .text("c")])
        #expect(d.quantile(0.01) == .text("a"))
        #expect(d.quantile(0.34) == .text("b"))
        #expect(d.quantile(0.999) == .text("c"))
        #expect(d.central == .text("a"))
    }

    @Test("percentiles interpolate between order statistics (Hyndman-Fan 7)")
    func percentiles() {
        let x = (1...10).map(Double.init)
        // h = 9 · 0.1 = 0.9: 1 + 0.9 · (2 − 1) = 1.9; h = 4.5: 5.5; h = 8.1: 9.1.
        #expect(abs(SampleStatistics.quantile(sorted: x, 0.1) - 1.9) < 1e-12)
        #expect(abs(SampleStatistics.quantile(sorted: x, 0.5) - 5.5) < 1e-12)
        #expect(abs(SampleStatistics.quantile(sorted: x, 0.9) - 9.1) < 1e-12)
        #expect(SampleStatistics.quantile(sorted: [4], 0.9) == 4)
    }

    @Test("Spearman's ρ is 1 for a monotone relation, −1 reversed, and matches a hand calculation with ties")
    func spearman() throws {
        #expect(SampleStatistics.spearman([1, 2, 3, 4], [1, 10, 100, 1000]) == 1)
        #expect(SampleStatistics.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        #expect(SampleStatistics.spearman([1, 2, 3], [5, 5, 5]) == nil)
        // y = 5, 6, 7, 8, 7: ranks 1, 2, 3.5, 5, 3.5; deviations from 3: x −2 −1 0 1 2, y −2 −1 0.5 2 0.5;
        // Σ dx·dy = 4 + 1 + 0 + 2 + 1 = 8, Σ dx² = 10, Σ dy² = 9.5: ρ = 8 / √95 = 0.820783.
        let rho = try #require(SampleStatistics.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]))
        #expect(abs(rho - 8 / 95.0.squareRoot()) < 1e-12)
    }

    @Test("confidence grades map to ±5, ±15 and ±30 % (REFERENCE.md P500)")
    func spreads() {
        #expect(Confidence.high.spread == .percent(5))
        #expect(Confidence.medium.spread == .percent(15))
        #expect(Confidence.low.spread == .percent(30))
    }
}
