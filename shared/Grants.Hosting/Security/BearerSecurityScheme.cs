using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Grants.Hosting.Security;

/// <summary>Tells OpenAPI clients that every operation takes a bearer JWT.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent<IOpenApiSecurityScheme>(BearerHandler.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the configured issuer; locally, `./grants token --role officer --user alice`.",
        });
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerHandler.SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
