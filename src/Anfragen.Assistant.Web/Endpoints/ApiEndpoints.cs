using System.Text.Json.Serialization;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>Maps every /api group. The whole tree requires a signed-in user; groups add roles on top.</summary>
public static class ApiEndpoints
{
    public static WebApplicationBuilder AddApiJson(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapApiEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapInquiryEndpoints();
        api.MapDraftEndpoints();
        api.MapReviewEndpoints();
        api.MapSearchEndpoints();
        api.MapDocumentEndpoints();
        api.MapChatEndpoints();
        api.MapAdminEndpoints();
        return app;
    }
}
