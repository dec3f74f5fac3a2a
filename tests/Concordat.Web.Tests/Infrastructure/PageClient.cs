using System.Globalization;
using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Concordat.Web.Tests.Infrastructure;

/// <summary>A browser-like client over real HTTP: keeps cookies, reads pages with AngleSharp, submits forms as they are.</summary>
public sealed class PageClient(HttpClient http)
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public HttpClient Http { get; } = http;

    public static async Task<PageClient> SignedInAsync(TestApp app, TestPerson person)
    {
        var client = new PageClient(app.CreateClient());
        var response = await client.SignInAsync(person.Email, person.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        return client;
    }

    public async Task<PageResponse> SignInAsync(string email, string password)
    {
        var page = await GetAsync("/sign-in");
        return await page.SubmitAsync("form[method=post]", new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    public async Task<PageResponse> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await PageResponse.ReadAsync(this, response);
    }

    public async Task<PageResponse> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await Http.PostAsync(url, new FormUrlEncodedContent(fields));
        return await PageResponse.ReadAsync(this, response);
    }

    public static Task<IDocument> ParseAsync(string html) => Parser.OpenAsync(r => r.Content(html));

    /// <summary>
    /// An element's text as assistive technology reads it: without what is hidden from it (an icon's own title, the
    /// column heading a table cell repeats for narrow screens).
    /// </summary>
    public static string Spoken(IElement element)
    {
        var copy = (IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll("[aria-hidden=true]").ToList())
        {
            hidden.Remove();
        }
        return copy.TextContent.Trim();
    }
}

public sealed class PageResponse
{
    private PageResponse(PageClient client, HttpResponseMessage response, IDocument document, string html)
    {
        Client = client;
        Response = response;
        Document = document;
        Html = html;
    }

    public PageClient Client { get; }
    public HttpResponseMessage Response { get; }
    public IDocument Document { get; }
    public string Html { get; }
    public HttpStatusCode Status => Response.StatusCode;
    public string? Location => Response.Headers.Location?.OriginalString;

    public static async Task<PageResponse> ReadAsync(PageClient client, HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new PageResponse(client, response, await PageClient.ParseAsync(html), html);
    }

    public IReadOnlyList<string> ErrorSummary =>
        Document.QuerySelectorAll(".nhsuk-error-summary li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The page a redirect leads to, fetched as a browser would; this page when it is not a redirect.</summary>
    public async Task<PageResponse> FollowAsync() =>
        Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && Location is { } location ? await Client.GetAsync(location) : this;

    public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No element matches {selector} in:\n{Html}");

    /// <summary>
    /// Submits a multipart form as a browser does: every field it renders, overridden by <paramref name="values"/>, and
    /// <paramref name="file"/> (a name and its bytes) in <paramref name="fileField"/>, or no file at all when it is null.
    /// </summary>
    public async Task<PageResponse> SubmitFileAsync(string formSelector, string fileField, (string Name, byte[] Bytes)? file, Dictionary<string, string>? values = null)
    {
        var form = Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matches {formSelector} in:\n{Html}");
        values ??= [];
        var content = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not ("file" or "submit") && !values.ContainsKey(i.Name)))
        {
            content.Add(new StringContent(input.Value), input.Name!);
        }
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }
        if (file is { } f)
        {
            content.Add(new ByteArrayContent(f.Bytes), fileField, f.Name);
        }
        var action = form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? Response.RequestMessage!.RequestUri!.PathAndQuery : action;
        return await PageResponse.ReadAsync(Client, await Client.Http.PostAsync(url, content));
    }

    /// <summary>
    /// Submits a form with every field it renders (hidden fields, the antiforgery token, current values),
    /// overridden by <paramref name="values"/>. A list value sends the field once per item; a <see cref="DateOnly"/>
    /// is typed into the date input's day, month and year boxes, as a person would.
    /// </summary>
    public async Task<PageResponse> SubmitAsync(string formSelector, Dictionary<string, object?> values)
    {
        var (url, fields) = Fields(formSelector, values);
        return await Client.PostAsync(url, fields);
    }

    /// <summary>Submits a form whose method is GET (a filter), as <see cref="SubmitAsync"/> does, in the query string.</summary>
    public async Task<PageResponse> SubmitGetAsync(string formSelector, Dictionary<string, object?> values)
    {
        var (url, fields) = Fields(formSelector, values);
        return await Client.GetAsync(url.Split('?')[0] + "?" + string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
    }

    private (string Url, List<KeyValuePair<string, string>> Fields) Fields(string formSelector, Dictionary<string, object?> values)
    {
        values = values.SelectMany(v => v.Value is DateOnly date ? DateBoxes(v.Key, date.Day.ToString(CultureInfo.InvariantCulture),
                date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture)) : [v])
            .ToDictionary();
        var form = Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matches {formSelector} in:\n{Html}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !values.ContainsKey(input.Name):
                    if (input.Type is "checkbox" or "radio" ? input.IsChecked : input.Type != "submit")
                    {
                        fields.Add(new(input.Name, input.Value));
                    }
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !values.ContainsKey(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !values.ContainsKey(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }
        foreach (var (name, value) in values)
        {
            switch (value)
            {
                case null:
                    break;
                case string s:
                    fields.Add(new(name, s));
                    break;
                case System.Collections.IEnumerable list:
                    fields.AddRange(list.Cast<object>().Select(v => new KeyValuePair<string, string>(name, v.ToString()!)));
                    break;
                default:
                    fields.Add(new(name, value.ToString()!));
                    break;
            }
        }
        var action = form.GetAttribute("action");
        return (string.IsNullOrEmpty(action) ? Response.RequestMessage!.RequestUri!.PathAndQuery : action, fields);
    }

    /// <summary>What a person types in a date input's three boxes, for a form's values.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> DateBoxes(string field, string day, string month, string year) =>
        [new($"{field}.Day", day), new($"{field}.Month", month), new($"{field}.Year", year)];
}
