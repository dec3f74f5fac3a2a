using System.Text.Json.Serialization;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

public static class ConcordatApi
{
    public static void MapConcordatApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(Authentication.ApiPolicy)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        v1.MapSystemsApi();
        v1.MapGroup("").WithTags("National bodies").MapNationalApi();
        v1.MapGroup("").WithTags("National asks (national partners)").MapNationalAsksApi();
        v1.MapGroup("").WithTags("National asks (national partners)").MapNationalThemesApi();
        v1.MapGroup("").WithTags("Accounts").MapAccountsApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("People").MapPeopleApi();
        v1.MapGroup("/systems/{systemId:guid}/organisations").WithTags("Organisations").MapOrganisationsApi();
        v1.MapGroup("/systems/{systemId:guid}/places").WithTags("Places").MapPlacesApi();
        v1.MapGroup("/systems/{systemId:guid}/forums").WithTags("Governance forums").MapForumsApi();
        v1.MapGroup("/systems/{systemId:guid}/ambitions").WithTags("Ambitions").MapAmbitionsApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Goals and agreement").MapGoalsApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Contributions and check-ins").MapContributionsApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Measures").MapMeasuresApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Resources").MapResourcesApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Pooled funds").MapPooledFundsApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Theory of change").MapTheoryOfChangeApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Strategy").MapHealthChecksApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Strategy").MapStrategyApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Strategy").MapStrategyImportApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Work programme").MapWorkProgrammeApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Work programme").MapIterationsApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Work programme").MapDependenciesApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Work programme").MapRaidApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("PDSA cycles").MapPdsaApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("Waiting on you").MapWaitingApi();
        v1.MapGroup("/systems/{systemId:guid}").WithTags("National asks").MapAsksApi();
    }

    public static void ConfigureJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
}
