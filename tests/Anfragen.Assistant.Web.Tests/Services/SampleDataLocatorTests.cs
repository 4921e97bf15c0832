using Anfragen.Assistant.Web.Infrastructure;

namespace Anfragen.Assistant.Web.Services;

public sealed class SampleDataLocatorTests
{
    [Fact]
    public void Finds_the_repository_data_folder_from_a_nested_directory_and_leaves_out_new_inquiries()
    {
        var nested = Path.Combine(RepositoryPaths.Root, "src", "Anfragen.Assistant.Web");
        var paths = SampleDataLocator.Find("data", nested);

        Assert.NotNull(paths);
        Assert.Equal(Path.Combine(RepositoryPaths.Data, "corpus.jsonl"), paths[0]);
        Assert.DoesNotContain(paths, p => p.Contains(Path.Combine("data", "new"), StringComparison.Ordinal));
    }

    [Fact]
    public void Returns_null_when_nothing_is_there()
    {
        Assert.Null(SampleDataLocator.Find("gibt-es-nicht-" + Guid.NewGuid().ToString("N"), Path.GetTempPath()));
    }
}
