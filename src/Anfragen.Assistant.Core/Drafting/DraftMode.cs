namespace Anfragen.Assistant.Drafting;

public enum DraftMode
{
    /// <summary>Best passages of prior Stellungnahmen, verbatim; used when no language model is configured.</summary>
    Extractive = 0,

    /// <summary>Written by the configured language model from retrieved passages.</summary>
    Llm,
}
