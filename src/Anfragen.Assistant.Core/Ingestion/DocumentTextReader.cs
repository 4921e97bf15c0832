namespace Anfragen.Assistant.Ingestion;

// STAND-IN (web branch) until the parser branch is merged; replaced by the real reader then.
public sealed class DocumentTextReader
{
    public Task<string> ReadTextAsync(string path, CancellationToken cancellationToken = default) => throw new NotSupportedException(path);

    public Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default) => throw new NotSupportedException(fileName);
}
