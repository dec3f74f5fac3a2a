using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Concordat.NhsUk.Tests.Support;

/// <summary>
/// The one piece of MVC's binding metadata the tests need: a property's bound name from
/// <c>[BindProperty(Name = "…")]</c> / <c>[ModelBinder(Name = "…")]</c>, which is its ModelState key.
/// </summary>
internal sealed class BinderNameMetadataProvider : ICompositeMetadataDetailsProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
    }

    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        var name = context.Attributes.OfType<IModelNameProvider>().Select(a => a.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n));
        if (name is not null)
        {
            context.BindingMetadata.BinderModelName = name;
        }
    }
}
