using Concordat.Core.Strategy;

namespace Concordat.Core.Demo;

/// <summary>
/// The demo strategy's own words, as its convenor would write them, and the change made to them between the two
/// published versions. The documents are fictional, at example.org addresses.
/// </summary>
public static class DemoNarrative
{
    private const string Vision = "Everyone in Northshire and Eastvale lives a longer, healthier and more independent life, and the gap between our most and least deprived neighbourhoods narrows every year.";

    private const string Principles = """
        We agree what we will do together, and each partner decides for itself what it commits.

        - Start with the people and places with the worst outcomes (Core20PLUS5).
        - Decide as close to neighbourhoods as we can: our two places lead, the partnership supports.
        - Share what we know: one set of measures, published, with their uncertainty.
        - Say when we will not do something, and why.
        """;

    private const string Context = """
        About 1.1 million people live in Northshire and Eastvale. Northshire is largely rural and older: one in four residents is over 65. Eastvale is urban, younger and more diverse, and a third of its neighbourhoods are among the most deprived 20% in England.

        Our joint strategic needs assessments point to three things: frailty and falls in older people, undiagnosed high blood pressure in the most deprived areas, and long waits for children's mental health support.
        """;

    private const string EnablingStrategies = """
        # Workforce
        One workforce plan across health, care and the voluntary sector, with shared apprenticeships and rotational posts in community nursing.

        # Digital
        A shared care record that every partner can read by March, and one population health data platform for both places.
        """;

    private const string Estates = "\n\n# Estates and finance\n" +
        "Community hubs in Eastvale's town centres, shared by the council, primary care and the VCSE Alliance; a Better Care Fund plan that moves money to prevention.";

    private static readonly SaveRelatedDocument[] Documents =
    [
        new(RelatedDocumentKind.JointForwardPlan, "NHS Northshire and Eastvale joint forward plan 2026 to 2031",
            "https://example.org/northshire-eastvale/joint-forward-plan-2026-2031"),
        new(RelatedDocumentKind.JointStrategicNeedsAssessment, "Northshire joint strategic needs assessment",
            "https://example.org/northshire/jsna"),
        new(RelatedDocumentKind.HealthAndWellbeingStrategy, "Eastvale joint local health and wellbeing strategy 2025 to 2030",
            "https://example.org/eastvale/health-and-wellbeing-strategy"),
    ];

    /// <summary>The words as first written, before version 1.</summary>
    public static SaveNarrative First => new(Vision, Principles, Context, EnablingStrategies, Documents);

    /// <summary>The words after estates and finance were added, before version 2, so the comparison shows a change.</summary>
    public static SaveNarrative Second => new(Vision, Principles, Context, EnablingStrategies + Estates, Documents);
}
