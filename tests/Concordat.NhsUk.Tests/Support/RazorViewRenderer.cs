using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Concordat.NhsUk.Tests.Support;

/// <summary>
/// Renders the views in <c>RazorViews/</c>, compiled into this test assembly by the Razor SDK, through MVC's own
/// view engine: Razor parses the tag helper attributes, builds the model expressions and runs the tag helpers.
/// No web host is started.
/// </summary>
internal static class RazorViewRenderer
{
    private static readonly Lazy<ServiceProvider> Services = new(BuildServices);

    public static async Task<string> RenderAsync<TModel>(string viewPath, TModel model, ModelStateDictionary modelState)
    {
        var services = Services.Value;
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor(), modelState);

        var viewResult = services.GetRequiredService<IRazorViewEngine>().GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!viewResult.Success)
        {
            Assert.Fail($"View {viewPath} not found; searched: {string.Join(", ", viewResult.SearchedLocations)}");
        }

        var viewData = new ViewDataDictionary<TModel>(services.GetRequiredService<IModelMetadataProvider>(), modelState) { Model = model };
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(httpContext);

        await using var writer = new StringWriter();
        var viewContext = new ViewContext(actionContext, viewResult.View, viewData, tempData, writer, new HtmlHelperOptions());
        await viewResult.View.RenderAsync(viewContext);
        return writer.ToString();
    }

    private static ServiceProvider BuildServices()
    {
        var environment = new TestEnvironment();
        var services = new ServiceCollection();

        // MVC finds the compiled views through the application named here, so register it before AddControllersWithViews.
        services.AddSingleton<IWebHostEnvironment>(environment);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton(new DiagnosticListener("Concordat.NhsUk.Tests"));
        services.AddSingleton<DiagnosticSource>(provider => provider.GetRequiredService<DiagnosticListener>());
        services.AddLogging();
        services.AddControllersWithViews();

        return services.BuildServiceProvider();
    }

    private sealed class TestEnvironment : IWebHostEnvironment
    {
        public string ApplicationName { get; set; } = typeof(RazorViewRenderer).Assembly.GetName().Name!;

        public string EnvironmentName { get; set; } = Environments.Development;

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string WebRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    }
}
