using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Grants.Testing;

// The few calls of the management HTTP API that tests need.
internal sealed class RabbitMqManagement : IDisposable
{
    private readonly HttpClient _http;

    public RabbitMqManagement(RabbitMqEndpoint endpoint, TimeSpan? timeout = null)
    {
        _http = new HttpClient
        {
            BaseAddress = new UriBuilder(endpoint.Management) { UserName = "", Password = "" }.Uri,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{endpoint.UserName}:{endpoint.Password}"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
    }

    public async Task Overview(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("api/overview", UriKind.Relative), cancellationToken);
        await EnsureSuccess(response, "GET /api/overview", cancellationToken);
    }

    public async Task CreateVirtualHost(string name, string userName, CancellationToken cancellationToken)
    {
        using var host = await _http.PutAsync(Api($"vhosts/{Escape(name)}"), Json("{}"), cancellationToken);
        await EnsureSuccess(host, $"PUT /api/vhosts/{name}", cancellationToken);
        using var permissions = await _http.PutAsync(
            Api($"permissions/{Escape(name)}/{Escape(userName)}"),
            Json("""{"configure":".*","write":".*","read":".*"}"""),
            cancellationToken);
        await EnsureSuccess(permissions, $"PUT /api/permissions/{name}/{userName}", cancellationToken);
    }

    public async Task DeleteVirtualHost(string name, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(Api($"vhosts/{Escape(name)}"), cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccess(response, $"DELETE /api/vhosts/{name}", cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    private static Uri Api(string path) => new("api/" + path, UriKind.Relative);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task EnsureSuccess(HttpResponseMessage response, string request, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"RabbitMQ management {request} answered {(int)response.StatusCode} {response.ReasonPhrase}: {body}",
                null,
                response.StatusCode);
        }
    }
}
