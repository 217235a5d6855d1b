using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Grants.Portal.Pages;

/// <summary>
/// Number and date inputs post "1234.5" and "2027-03-01" whatever the page's language, so form
/// values are read invariantly: a French or Dutch reader's amounts must not lose their decimals.
/// </summary>
public sealed class InvariantFormValues : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
            context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
        }
    }
}
