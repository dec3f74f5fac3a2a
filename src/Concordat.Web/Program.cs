using Concordat.Core;
using Concordat.Core.Data;
using Concordat.Core.Demo;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Concordat.Web.Api;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddConcordatCore(builder.Configuration).AddSignInManager();
builder.Services.AddConcordatAuthentication(builder.Configuration);
// Keys live in the database so that any app node can read cookies another issued (nodes keep no state).
builder.Services.AddDataProtection().SetApplicationName("Concordat").PersistKeysToDbContext<ConcordatDb>();
builder.Services.AddConcordatRateLimits(builder.Configuration);
builder.Services.AddConcordatForwardedHeaders(builder.Configuration);
builder.Services.AddScoped<Concordat.Web.Pages.Account.PasswordSignIn>();
builder.Services.AddScoped<Concordat.Web.Pages.Account.SingleSignOnSignIn>();
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToPage("/Status");
    o.Conventions.AllowAnonymousToPage("/Api/Reference");
    // A system's published strategy, while its convenors keep it public; the page itself refuses otherwise.
    o.Conventions.AllowAnonymousToPage("/Strategy/Public");
}).AddMvcOptions(o =>
{
    o.ModelBinderProviders.Insert(0, new Concordat.NhsUk.DateInputModelBinderProvider());
    o.Filters.Add<NoHandlerForMethod>();
    o.Filters.Add<TwoStepSetupFirst>();
});
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "concordat-csrf";
    o.Cookie.SecurePolicy = builder.Configuration.GetValue("Security:RequireHttpsCookies", true) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddProblemDetails();
// Binding failures are thrown in every environment (not only Development), so that DomainProblems answers each with a
// 400 problem naming the field, rather than an empty 400 here and a 500 page there.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureJson();
builder.Services.AddConcordatOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

// First, so that rate limits, HTTPS redirection and logs see the client's address as trusted proxies report it.
app.UseForwardedHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseMiddleware<SecurityHeaders>();
app.UseWhen(c => !ApiPaths.IsApi(c.Request.Path), b => b.UseStatusCodePagesWithReExecute("/status/{0}"));
app.UseWhen(c => ApiPaths.IsApi(c.Request.Path), b => b.UseStatusCodePages());
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError, ExceptionHandlingPath = "/status/500" });
app.MapStaticAssets();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<DomainProblems>();
app.UseMiddleware<SystemTenancy>();

app.MapHealthChecks("/health", HealthResponse.Options).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapConcordatApi();

await using (var scope = app.Services.CreateAsyncScope())
{
    var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
    var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
    if (database.MigrateOnStart)
    {
        await initializer.MigrateAsync(CancellationToken.None);
    }
    if (database.SeedDemo)
    {
        await initializer.SeedDemoIfEmptyAsync(CancellationToken.None);
    }
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    var seeded = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemo;
    Console.WriteLine();
    Console.WriteLine($"Concordat is running at {string.Join(", ", addresses)}");
    if (seeded)
    {
        Console.WriteLine($"Demo workspace: {DemoWorkspace.SystemName}. Sign in as {DemoWorkspace.ConvenorEmail} with password {DemoWorkspace.Password}");
        Console.WriteLine($"Other demo people (same password): {string.Join(", ", DemoWorkspace.People.Select(p => p.Email))}");
    }
    Console.WriteLine();
});

await app.RunAsync();
