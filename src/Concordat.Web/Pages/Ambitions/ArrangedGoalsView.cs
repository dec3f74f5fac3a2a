using Concordat.Core.Goals;

namespace Concordat.Web.Pages.Ambitions;

/// <summary>The goals of one ambition (or of none) as the ambitions page lists them.</summary>
public sealed record ArrangedGoalsView(IReadOnlyList<ArrangedGoal> Goals, Guid? AmbitionId, string Empty, AmbitionsModel Page);

/// <summary>The move up and move down buttons of one ambition or goal; an end it cannot move past has no button.</summary>
public sealed record MoveButtons(string Handler, string IdName, Guid Id, string Name, bool CanMoveUp, bool CanMoveDown, Guid ArrangementVersion);
