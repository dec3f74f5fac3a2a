using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

public sealed class NeedsModel(PooledViews views, GoalNeedService needs) : SystemPageModel
{
    public sealed class NeedForm
    {
        /// <summary>The type that meets the need, and optionally one more the partners accept in its place.</summary>
        public ResourceType? Type { get; set; }
        public ResourceType? AlsoType { get; set; }
        public string? Description { get; set; }
        public string? Quantity { get; set; }
        public string? Unit { get; set; }
        [Display(Name = "Start date")]
        public DateOnly? StartsOn { get; set; }
        [Display(Name = "End date")]
        public DateOnly? EndsOn { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public NeedForm Input { get; set; } = new();

    public GoalResources Goal { get; private set; } = null!;

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> AlsoTypeOptions => ResourceForm.TypeOptions(Input.AlsoType, "No other type");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        var types = new[] { Input.Type, Input.AlsoType }.OfType<ResourceType>().ToList();
        var input = new AddNeed(null, Input.Description, ResourceForm.ParseNumber(Input.Quantity, "Input.Quantity", "Amount", ModelState), Input.Unit,
            Input.StartsOn, Input.EndsOn, types);
        try
        {
            await needs.AddNeedAsync(Id, input, Actor, ct);
            this.Succeeded("Need added");
            return Redirect($"{SystemHome}/goals/{Id}/needs");
        }
        catch (InputInvalidException e)
        {
            // The form asks for the first type in its own field; problems with the list of types belong there.
            if (e.Errors.TryGetValue(nameof(AddNeed.Types), out var typeErrors))
            {
                foreach (var message in typeErrors)
                {
                    ModelState.AddModelError(Input.Type is null ? "Input.Type" : "Input.AlsoType", message);
                }
            }
            return this.InvalidInput(e);
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid needId, CancellationToken ct)
    {
        await needs.RemoveNeedAsync(Id, needId, Actor, ct);
        this.Succeeded("Need removed");
        return Redirect($"{SystemHome}/goals/{Id}/needs");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Goal = (await views.ByGoalAsync(Id, ct)).SingleOrDefault() ?? throw new NotFoundException("There is no such goal in this system.");
        Concordat.Core.Goals.Goal.RequireSteward(Actor, Goal.Stewards, "say what it needs");
    }
}
