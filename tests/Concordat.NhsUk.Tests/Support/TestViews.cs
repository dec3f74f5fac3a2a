using System.Linq.Expressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace Concordat.NhsUk.Tests.Support;

/// <summary>
/// A real <see cref="ViewContext"/> over a real ModelState and a typed ViewData, plus model expressions built by
/// the real <see cref="ModelExpressionProvider"/>, i.e. what Razor hands a tag helper for <c>for="Input.Name"</c>.
/// </summary>
internal sealed class TestView<TModel>
{
    // MVC's metadata provider with only the bound-name details, so [BindProperty(Name = "…")] is honoured.
    private static readonly IModelMetadataProvider MetadataProvider =
        new DefaultModelMetadataProvider(new BinderNameMetadataProvider());

    public TestView(TModel model, ModelStateDictionary? modelState = null)
    {
        ModelState = modelState ?? new ModelStateDictionary();
        ViewData = new ViewDataDictionary<TModel>(MetadataProvider, ModelState) { Model = model };

        var httpContext = new DefaultHttpContext();
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor(), ModelState);
        ViewContext = new ViewContext(
            actionContext,
            new NullView(),
            ViewData,
            new TempDataDictionary(httpContext, new NullTempDataProvider()),
            TextWriter.Null,
            new HtmlHelperOptions());
    }

    public ModelStateDictionary ModelState { get; }

    public ViewDataDictionary<TModel> ViewData { get; }

    public ViewContext ViewContext { get; }

    public ModelExpression For<TValue>(Expression<Func<TModel, TValue>> expression) =>
        new ModelExpressionProvider(MetadataProvider).CreateModelExpression(ViewData, expression);

    /// <summary>Records a posted value the way model binding does, so it shows as the attempted value.</summary>
    public TestView<TModel> Posted(string key, params string[] values)
    {
        object rawValue = values.Length == 1 ? values[0] : values;
        ModelState.SetModelValue(key, rawValue, string.Join(',', values));
        return this;
    }

    public TestView<TModel> WithError(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return this;
    }

    private sealed class NullView : IView
    {
        public string Path => string.Empty;

        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }

    private sealed class NullTempDataProvider : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }
}
