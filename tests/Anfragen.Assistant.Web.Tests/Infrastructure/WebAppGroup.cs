namespace Anfragen.Assistant.Web.Infrastructure;

/// <summary>The API tests share one app (and one ingested archive); they create their own inquiries, so they do not interfere.</summary>
[CollectionDefinition(Name)]
public sealed class WebAppGroup : ICollectionFixture<AnfragenWebFactory>
{
    public const string Name = "web app";
}
