namespace Anfragen.Assistant.Retrieval;

public enum SearchMode
{
    Hybrid = 0,
    Keyword,
    Dense,
}
