namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// Reports progress on the reporting thread. <see cref="Progress{T}"/> posts to the thread pool, so its last report
/// can arrive after the job has already been marked finished and overwrite the final status.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
