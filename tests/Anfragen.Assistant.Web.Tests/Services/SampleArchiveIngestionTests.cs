using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Anfragen.Assistant.Web.Services;

public sealed class SampleArchiveIngestionTests
{
    [Theory]
    [InlineData(0, false, false, true)]   // first start
    [InlineData(120, true, false, true)]  // a sample run stopped midway resumes
    [InlineData(88, true, true, false)]   // the sample archive is complete
    [InlineData(5000, false, false, false)] // an archive of its own (CLI, real papers): no fictional sample mixed in
    public void The_sample_archive_goes_only_into_an_empty_index_or_one_whose_sample_run_was_interrupted(long documents, bool started, bool finished, bool expected) =>
        Assert.Equal(expected, SampleArchiveIngestion.SampleRunNeeded(documents, started, finished));

    [Fact]
    public async Task On_first_start_the_sample_archive_is_ingested_in_the_background_and_marked_complete()
    {
        await using var factory = new FirstStartFactory();
        var runner = factory.Services.GetRequiredService<ArchiveIngestionRunner>();
        var status = factory.Services.GetRequiredService<IngestionStatus>();

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!File.Exists(runner.SampleMarkerPath) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var statistics = await factory.Services.GetRequiredService<IKnowledgeIndex>().GetStatisticsAsync(TestContext.Current.CancellationToken);
        Assert.True(File.Exists(runner.SampleMarkerPath), $"the sample run did not finish: {status.Current}");
        Assert.True(File.Exists(runner.SampleStartedPath));
        Assert.True(statistics.Documents > 80, $"{statistics.Documents} documents");

        // It was the first ingestion into an empty archive: while it ran, search and chat said so.
        Assert.True(status.Current.BuildsArchive);
        Assert.Null(status.Current.BuildingNotice);
    }

    [Fact]
    public void While_the_first_ingestion_runs_the_notice_says_how_far_it_is()
    {
        var status = new IngestionStatus(TimeProvider.System);
        status.Start("Beispielarchiv");
        status.Progress("3/10 Dokumente", 3, 10);
        Assert.Null(status.Current.BuildingNotice);

        status.BuildingArchive();
        status.Progress("4/10 Dokumente", 4, 10);
        Assert.Equal("Archiv wird aufgebaut (4 von 10 Dokumenten)", status.Current.BuildingNotice);

        status.Finish("fertig");
        Assert.Null(status.Current.BuildingNotice);
    }

    /// <summary>The app as on a fresh machine: an empty data directory and the sample ingestion on.</summary>
    private sealed class FirstStartFactory : AnfragenWebFactory
    {
        public FirstStartFactory() => StartServer();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anfragen:Web:IngestSampleDataOnEmptyIndex", "true");
        }
    }
}
