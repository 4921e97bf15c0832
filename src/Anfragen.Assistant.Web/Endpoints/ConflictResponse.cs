using Anfragen.Assistant.Review;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>409 body: why, and the answer as it is stored now (text and version) to merge with what the caller typed.</summary>
public sealed record ConflictResponse(string Message, AnswerRecord Current);
