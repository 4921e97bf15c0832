using System.Globalization;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Retrieval;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Anfragen.Assistant.Storage.Sqlite;

/// <summary>
/// One Lucene document per chunk: the SQLite rowid (doc values, to load the row), the filter fields (folded document
/// id, visibility, type, date as yyyymmdd, folded committee) and two BM25 fields of pre-analysed terms: <c>t</c> (title
/// and text) and <c>x</c> (expansion). Term fields keep frequencies and norms, not positions: BM25 needs no more.
/// Also the translation of <see cref="SearchFilter"/> and <see cref="KeywordQuery"/> into Lucene.
/// </summary>
internal static class LuceneChunkFields
{
    public const string RowId = "rowid";
    public const string Document = "doc";
    public const string Visibility = "vis";
    public const string Type = "type";
    public const string Date = "date";
    public const string Committee = "committee";
    public const string Text = "t";
    public const string Expansion = "x";

    private static readonly FieldType TermsType = CreateTermsType();

    public static string FieldOf(KeywordField field) => field == KeywordField.Expansion ? Expansion : Text;

    public static Document ToDocument(long rowId, Chunk chunk, string terms, string? expansion)
    {
        var document = new Document
        {
            new NumericDocValuesField(RowId, rowId),
            new StringField(Document, SearchFilter.FoldId(chunk.DocumentId), Field.Store.NO),
            new StringField(Visibility, VisibilityCodes.ToCode(chunk.Visibility).ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField(Type, Code((int)chunk.DocumentType), Field.Store.NO),
            new Field(Text, terms, TermsType),
        };
        if (chunk.Date is { } date)
        {
            document.Add(new Int32Field(Date, DateNumber(date), Field.Store.NO));
        }

        if (!string.IsNullOrWhiteSpace(chunk.Committee))
        {
            document.Add(new StringField(Committee, SearchFilter.Fold(chunk.Committee), Field.Store.NO));
        }

        if (!string.IsNullOrWhiteSpace(expansion))
        {
            document.Add(new Field(Expansion, expansion, TermsType));
        }

        return document;
    }

    public static Term DocumentTerm(string documentId) => new(Document, SearchFilter.FoldId(documentId));

    /// <summary>The restrictions of <paramref name="filter"/> as one Lucene filter, or null when it allows everything.</summary>
    public static Filter? ToFilter(SearchFilter filter)
    {
        var must = new BooleanQuery(disableCoord: true);
        if (!filter.IncludeNonPublic)
        {
            must.Add(new TermQuery(new Term(Visibility, VisibilityCodes.PublicCode.ToString(CultureInfo.InvariantCulture))), Occur.MUST);
        }

        if (filter.Types is { Count: > 0 } types)
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var type in types.Distinct())
            {
                any.Add(new TermQuery(new Term(Type, Code((int)type))), Occur.SHOULD);
            }

            must.Add(any, Occur.MUST);
        }

        if (filter.From is not null || filter.To is not null)
        {
            // Chunks without a date have no date field and never match, as SearchFilter.Allows rejects them.
            must.Add(NumericRangeQuery.NewInt32Range(Date, filter.From is { } from ? DateNumber(from) : null, filter.To is { } to ? DateNumber(to) : null, true, true), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(filter.Committee))
        {
            must.Add(new TermQuery(new Term(Committee, SearchFilter.Fold(filter.Committee))), Occur.MUST);
        }

        if (filter.ExcludeDocumentIds is { Count: > 0 } excluded)
        {
            if (must.Clauses.Count == 0)
            {
                must.Add(new MatchAllDocsQuery(), Occur.MUST);
            }

            foreach (var id in excluded)
            {
                must.Add(new TermQuery(DocumentTerm(id)), Occur.MUST_NOT);
            }
        }

        return must.Clauses.Count == 0 ? null : new QueryWrapperFilter(must);
    }

    /// <summary>
    /// The OR of the query's terms, each boosted by its weight (BM25 with coord 1: Σ weight × BM25). In archives of at
    /// least <see cref="PruneMinimumChunks"/> chunks, terms found in more than <see cref="PruneDocumentFraction"/> of
    /// them are left out: their idf is small, yet scoring them means scoring most of the archive. The two rarest
    /// terms always stay, so a query of common words still finds something.
    /// </summary>
    public static Query? ToQuery(KeywordQuery query, IndexReader reader)
    {
        var clauses = query.Terms.Select(t => (t.Weight, Term: new Term(FieldOf(t.Field), t.Term))).ToList();
        if (reader.NumDocs >= PruneMinimumChunks && clauses.Count > 2)
        {
            var frequency = clauses.ToDictionary(c => c.Term, c => reader.DocFreq(c.Term));
            var limit = (long)(reader.NumDocs * PruneDocumentFraction);
            var rarest = clauses.OrderBy(c => frequency[c.Term]).ThenByDescending(c => c.Weight).Take(2).Select(c => c.Term).ToHashSet();
            clauses = clauses.Where(c => rarest.Contains(c.Term) || frequency[c.Term] <= limit).ToList();
        }

        if (clauses.Count == 0)
        {
            return null;
        }

        var boolean = new BooleanQuery(disableCoord: true);
        foreach (var (weight, term) in clauses.OrderByDescending(c => c.Weight).Take(BooleanQuery.MaxClauseCount))
        {
            boolean.Add(new TermQuery(term) { Boost = weight }, Occur.SHOULD);
        }

        return boolean;
    }

    /// <summary>Archives smaller than this search every query term (see <see cref="ToQuery"/>).</summary>
    public const int PruneMinimumChunks = 10_000;

    public const double PruneDocumentFraction = 0.1;

    public static int DateNumber(DateOnly date) => (date.Year * 10_000) + (date.Month * 100) + date.Day;

    private static string Code(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static FieldType CreateTermsType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            IndexOptions = IndexOptions.DOCS_AND_FREQS,
            OmitNorms = false,
        };
        type.Freeze();
        return type;
    }
}
