import PlannerModel

/// The built-in IT systems. Every number cites a `REFERENCE.md` row; idle power is derived for
/// all compute entries from the measured H100 idle share (`UtilisationFit.idleShare`, §9.2, L).
/// The confidence of an entry is the weakest of its design power, liquid fraction and weight.
///
/// Power feeds (`feeds`): every built-in entry is dual-corded (2). The NVL72 racks carry 8 power
/// shelves of 33 kW (REFERENCE.md P200) against about 132 kW of load (P05, P07), each HPR shelf
/// with two AC whips (P22), so half the shelves on feed A and half on B carry the rack: the
/// dual-fed reading of P08, an inference (L, P201). The DGX nodes' PSU sets (5+1, 5+5, 4+2:
/// P12, D04, P13) and the B300 reference rack's three PDUs chosen for redundancy (P16) are
/// dual-corded; network and storage racks are taken as dual-corded like the IT they serve (L,
/// P201). A custom entry sets `feeds: 1` for a single-corded rack.
enum BuiltInSystems {
    static let idleNote =
        "idle = design × 0.194, the measured H100 idle share (135.93 W of 700 W, §9.2); L as a Blackwell proxy"

    static func computeIdle(_ design: Power) -> Power { design * UtilisationFit.idleShare.fraction }

    static let gb200NVL72 = SystemEntry(
        id: "gb200-nvl72", name: "NVIDIA GB200 NVL72", role: .compute, form: .rack, gpus: 72,
        nameplatePower: .kilowatts(132), designPower: .kilowatts(132), idlePower: computeIdle(.kilowatts(132)),
        liquidFraction: .fraction(0.85), weight: .kilograms(1360),
        provenance: Provenance(
            source:
                "REFERENCE.md D01, §1.2 GB200 NVL72 (design 132 kW); §2.2 NVL72 row (8 power shelves, ~132 kW DC out); "
                + "D07, §1.3 (liquid 0.85); §1.4 (1.36 t)",
            confidence: .low,
            derivation: "nameplate = power-shelf DC output (§2.2); liquid fraction unpublished (L); " + idleNote),
        psu: nvl72Shelves("REFERENCE.md P01, P02 (GB200 NVL72 reference rack)", confidence: .high))

    static let gb300NVL72 = SystemEntry(
        id: "gb300-nvl72", name: "NVIDIA GB300 NVL72", role: .compute, form: .rack, gpus: 72,
        nameplatePower: .kilowatts(142), designPower: .kilowatts(140), idlePower: computeIdle(.kilowatts(140)),
        liquidFraction: .fraction(0.92), weight: .kilograms(1360),
        provenance: Provenance(
            source:
                "REFERENCE.md D02, §1.2 GB300 NVL72 (design 140 kW, envelope 120-142 kW); D08, §1.3 (liquid 0.92); "
                + "§1.4 (≈1.36 t)",
            confidence: .medium,
            derivation: "nameplate = top of the published 120-142 kW envelope (§1.2); " + idleNote),
        psu: nvl72Shelves("REFERENCE.md P05, P06 (GB300 NVL72 as built: 8 × 1U ORv3 shelves)", confidence: .medium))

    static let dgxB200 = SystemEntry(
        id: "dgx-b200", name: "NVIDIA DGX B200 (node)", role: .compute, form: .node, gpus: 8,
        nameplatePower: .kilowatts(16.5), designPower: .kilowatts(14.3), idlePower: computeIdle(.kilowatts(14.3)),
        liquidFraction: .fraction(0), weight: .kilograms(142.4),
        provenance: Provenance(
            source: "REFERENCE.md D03, §1.2 DGX B200 (14.3 kW max, 6 × 3.3 kW PSU 5+1, 142.4 kg); §1.3 (air-cooled)",
            confidence: .medium,
            derivation: "nameplate = 5 working PSUs × 3.3 kW = 16.5 kW; " + idleNote),
        psu: RackPSU(
            unitsInstalled: 6, unitRating: .kilowatts(3.3), redundancy: .nPlus(1),
            provenance: Provenance(source: "REFERENCE.md P11, P12 (6 × 3.3 kW PSUs, 5+1)", confidence: .high)))

    static let dgxB200Rack = rack(
        of: dgxB200, nodes: 4, id: "dgx-b200-rack", name: "4 × DGX B200 rack",
        source: "REFERENCE.md D03 (per node); four nodes per rack as in the DGX B300 reference rack (§1.5 B300 XDR)",
        confidence: .low)

    static let dgxB300 = SystemEntry(
        id: "dgx-b300", name: "NVIDIA DGX B300 (node)", role: .compute, form: .node, gpus: 8,
        nameplatePower: .kilowatts(16), designPower: .kilowatts(14.5), idlePower: computeIdle(.kilowatts(14.5)),
        liquidFraction: .fraction(0), weight: nil,
        provenance: Provenance(
            source:
                "REFERENCE.md D04, §1.2 DGX B300 (14.5 kW, 10 × 3.2 kW PSU 5+5); §1.3 (air-cooled); weight not in "
                + "REFERENCE",
            confidence: .medium,
            derivation: "nameplate = 5 working PSUs × 3.2 kW = 16 kW; " + idleNote),
        psu: RackPSU(
            unitsInstalled: 10, unitRating: .kilowatts(3.2), redundancy: .nPlusN,
            provenance: Provenance(
                source: "REFERENCE.md D04, §1.2 DGX B300 (10 × 3.2 kW PSUs, 5+5); the user guide's PSU table not "
                    + "retrieved (P15)",
                confidence: .medium)))

    /// The NVIDIA B300 XDR reference rack: its design power is the published rack figure (D05),
    /// not four times the node.
    static let dgxB300Rack = SystemEntry(
        id: "dgx-b300-rack", name: "4 × DGX B300 rack (AC PDUs)", role: .compute, form: .rack, gpus: 32,
        nameplatePower: .kilowatts(64), designPower: .kilowatts(56), idlePower: computeIdle(.kilowatts(56)),
        liquidFraction: .fraction(0), weight: nil,
        composition: .init(nodeID: "dgx-b300", nodes: 4),
        provenance: Provenance(
            source:
                "REFERENCE.md D05, §1.5 B300 XDR (4 nodes, ~56 kW, 3 × 2U PDUs); D04 (node PSUs); §1.3 (air-cooled)",
            confidence: .high,
            derivation: "nameplate = 4 nodes × 16 kW PSU capacity; " + idleNote),
        psu: RackPSU(
            unitsInstalled: 10, unitRating: .kilowatts(3.2), redundancy: .nPlusN, groupsPerRack: 4,
            provenance: Provenance(
                source: "REFERENCE.md D04 (per node 10 × 3.2 kW, 5+5); D05, P16 (4 nodes per rack)",
                confidence: .medium)))

    static let rtxPro6000Server = SystemEntry(
        id: "rtx-pro-6000-server", name: "8 × RTX PRO 6000 Blackwell Server Edition (node)", role: .compute,
        form: .node, gpus: 8,
        nameplatePower: .kilowatts(7.5), designPower: .kilowatts(7.5), idlePower: computeIdle(.kilowatts(7.5)),
        liquidFraction: .fraction(0), weight: nil,
        provenance: Provenance(
            source:
                "REFERENCE.md §1.2 RTX PRO 6000 server (≈6.5-7.5 kW, derived 8 × 600 W + CPUs + other); §1.1 (passive, "
                + "air-cooled)",
            confidence: .low,
            derivation: "design = top of the 6.5-7.5 kW estimate; " + idleNote),
        psu: RackPSU(
            unitsInstalled: 6, unitRating: .kilowatts(3.3), redundancy: .nPlusN,
            provenance: Provenance(
                source: "no PSU figure in REFERENCE.md for this server; 3.3 kW modules as in P11, N+N as P220",
                confidence: .low, derivation: "⌈7.5/3.3⌉ = 3 working units, doubled (N+N)")))

    static let rtxPro6000Rack = rack(
        of: rtxPro6000Server, nodes: 4, id: "rtx-pro-6000-rack", name: "4 × RTX PRO 6000 server rack",
        source:
            "REFERENCE.md §1.2 RTX PRO 6000 server (per node); four nodes keep the rack at the ~30 kW air-cooled "
            + "ceiling (§1.3)",
        confidence: .low)

    static let dgxH100 = SystemEntry(
        id: "dgx-h100", name: "NVIDIA DGX H100 (node, for comparison)", role: .compute, form: .node, gpus: 8,
        nameplatePower: .kilowatts(10.2), designPower: .kilowatts(10.2), idlePower: computeIdle(.kilowatts(10.2)),
        liquidFraction: .fraction(0), weight: nil,
        provenance: Provenance(
            source: "REFERENCE.md §1.1 H100 SXM5 (DGX H100 10.2 kW / 8 GPUs); air-cooled; weight not in REFERENCE",
            confidence: .high,
            derivation: "nameplate = the 10.2 kW system maximum; " + idleNote),
        psu: RackPSU(
            unitsInstalled: 6, unitRating: .kilowatts(3.3), redundancy: .nPlus(2),
            provenance: Provenance(source: "REFERENCE.md P13 (6 × 3.3 kW PSUs, 4+2)", confidence: .medium)))

    static let dgxH100Rack = rack(
        of: dgxH100, nodes: 4, id: "dgx-h100-rack", name: "4 × DGX H100 rack",
        source: "REFERENCE.md §1.1 (per node); four nodes per rack as in the DGX B300 reference rack (§1.5)",
        confidence: .low)

    /// Network and storage draw is modelled as flat (idle = design): switches and disks barely
    /// follow the GPU workload.
    static let networkRack = SystemEntry(
        id: "network-rack", name: "Network rack (spine/leaf, management)", role: .network, form: .rack, gpus: 0,
        nameplatePower: .kilowatts(25), designPower: .kilowatts(20), idlePower: .kilowatts(20),
        liquidFraction: .fraction(0), weight: nil,
        provenance: Provenance(
            source: "REFERENCE.md §1.5 (network/storage ~15-25 kW racks, L; SU non-compute share 12 %, D06)",
            confidence: .low,
            derivation: "design = middle of 15-25 kW, nameplate = top; flat draw assumed (idle = design)"),
        psu: flatRackPSUs(nameplate: .kilowatts(25)))

    static let storageRack = SystemEntry(
        id: "storage-rack", name: "Storage rack", role: .storage, form: .rack, gpus: 0,
        nameplatePower: .kilowatts(20), designPower: .kilowatts(15), idlePower: .kilowatts(15),
        liquidFraction: .fraction(0), weight: nil,
        provenance: Provenance(
            source: "REFERENCE.md §1.5 (network/storage ~15-25 kW racks, L)",
            confidence: .low,
            derivation: "design = bottom of 15-25 kW, nameplate = 20 kW; flat draw assumed (idle = design)"),
        psu: flatRackPSUs(nameplate: .kilowatts(20)))

    /// The 8 × 33 kW ORv3 HPR shelves (6 × 5.5 kW PSUs each) of an NVL72 rack; N+N is inferred from
    /// 264 kW of shelves for a rack of about 132-140 kW, no primary source states it (P08, L).
    static func nvl72Shelves(_ source: String, confidence: Confidence) -> RackPSU {
        RackPSU(
            unitsInstalled: 8, unitRating: .kilowatts(33), redundancy: .nPlusN,
            provenance: Provenance(
                source: source + "; P21 (33 kW shelf = 6 × 5.5 kW); redundancy N+N inferred, P08",
                confidence: min(confidence, .low),
                derivation: "8 shelves × 33 kW = 264 kW for one rack; N+N is an inference from that margin (P08), L"))
    }

    /// Network and storage racks: switches and storage servers with dual PSUs, N+N (P220), as
    /// 3 kW modules (the ORv3 rectifier size, P19) for the nameplate: `2·⌈nameplate/3 kW⌉` (L).
    static func flatRackPSUs(nameplate: Power) -> RackPSU {
        let module = Power.kilowatts(3)
        let working = Int((nameplate / module).rounded(.up))
        return RackPSU(
            unitsInstalled: 2 * working, unitRating: module, redundancy: .nPlusN,
            provenance: Provenance(
                source: "REFERENCE.md P220 (N+N power supplies of data-centre switches); P19 (3 kW module)",
                confidence: .low,
                derivation:
                    "2 × ⌈\(NumberText.compact(nameplate.kilowatts)) kW nameplate / 3 kW⌉ = \(2 * working) units, "
                    + "one half per feed (L)"))
    }

    static let all: [SystemEntry] = [
        gb200NVL72, gb300NVL72, dgxB200, dgxB200Rack, dgxB300, dgxB300Rack, rtxPro6000Server, rtxPro6000Rack,
        dgxH100, dgxH100Rack, networkRack, storageRack,
    ]

    /// A rack of `nodes` identical nodes: every power level, GPU count and weight multiplied.
    static func rack(
        of node: SystemEntry, nodes: Int, id: String, name: String, source: String, confidence: Confidence
    ) -> SystemEntry {
        let k = Double(nodes)
        return SystemEntry(
            id: id, name: name, role: node.role, form: .rack, gpus: node.gpus * nodes,
            nameplatePower: node.nameplatePower * k, designPower: node.designPower * k,
            idlePower: node.idlePower * k, liquidFraction: node.liquidFraction,
            weight: node.weight.map { $0 * k },
            composition: .init(nodeID: node.id, nodes: nodes),
            provenance: Provenance(
                source: source, confidence: min(confidence, node.provenance.confidence),
                derivation: "\(nodes) × \(node.id)"
                    + (node.weight == nil ? "" : "; weight counts the nodes only (no rack frame or PDUs)")),
            psu: node.psu.map { psu in
                var rack = psu
                rack.groupsPerRack = psu.groupsPerRack * nodes
                return rack
            })
    }
}
