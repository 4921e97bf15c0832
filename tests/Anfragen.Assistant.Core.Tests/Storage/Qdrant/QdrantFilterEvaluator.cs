using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Anfragen.Assistant.Storage.Qdrant;

/// <summary>
/// Evaluates the subset of Qdrant filter semantics our filters use (keyword match, match-any, integer range, has_id,
/// must / must_not / should) against a payload, so tests can check a translated filter point by point.
/// Follows Qdrant's documented rules: a missing field never matches a match or range condition.
/// </summary>
internal static class QdrantFilterEvaluator
{
    public static bool Matches(Filter filter, Guid id, MapField<string, Value> payload) =>
        filter.Must.All(c => Matches(c, id, payload))
        && !filter.MustNot.Any(c => Matches(c, id, payload))
        && (filter.Should.Count == 0 || filter.Should.Any(c => Matches(c, id, payload)));

    private static bool Matches(Condition condition, Guid id, MapField<string, Value> payload) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, payload),
        Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(p => Guid.Parse(p.Uuid) == id),
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, id, payload),
        _ => throw new NotSupportedException(condition.ConditionOneOfCase.ToString()),
    };

    private static bool Matches(FieldCondition field, MapField<string, Value> payload)
    {
        if (!payload.TryGetValue(field.Key, out var value))
        {
            return false;
        }

        if (field.Match is { } match)
        {
            return match.MatchValueCase switch
            {
                Match.MatchValueOneofCase.Keyword => value.StringValue == match.Keyword,
                Match.MatchValueOneofCase.Keywords => match.Keywords.Strings.Contains(value.StringValue),
                Match.MatchValueOneofCase.Integer => value.IntegerValue == match.Integer,
                _ => throw new NotSupportedException(match.MatchValueCase.ToString()),
            };
        }

        if (field.Range is { } range)
        {
            double number = value.KindCase == Value.KindOneofCase.IntegerValue ? value.IntegerValue : value.DoubleValue;
            return (!range.HasGte || number >= range.Gte) && (!range.HasLte || number <= range.Lte)
                && (!range.HasGt || number > range.Gt) && (!range.HasLt || number < range.Lt);
        }

        throw new NotSupportedException(field.ToString());
    }
}
