using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Anfragen.Assistant.Ingestion;

/// <summary>
/// PdfPig's filters, each charged to the file's <see cref="DecompressionBudget"/>. PdfPig decodes a stream into one
/// array; a Flate stream (the bomb's filter) is therefore inflated here first into a small scratch buffer, counting,
/// and only handed to PdfPig when it stays within the budget. Other filters expand boundedly and are counted after.
/// </summary>
internal sealed class BudgetedFilterProvider(DecompressionBudget budget) : IFilterProvider
{
    private const string Part = "ein Datenstrom";

    private readonly IFilterProvider _inner = DefaultFilterProvider.Instance;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private List<IFilter> Wrap(IReadOnlyList<IFilter> filters) => filters.Select(f => (IFilter)new BudgetedFilter(f, budget)).ToList();

    private sealed class BudgetedFilter(IFilter inner, DecompressionBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (inner is FlateFilter)
            {
                Measure(input);
                return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Add(Part, output.Length, output.Length, input.Length);
            return output;
        }

        /// <summary>Inflates into a scratch buffer, charging the budget as it goes; a stream this cannot read is left to PdfPig.</summary>
        private void Measure(Memory<byte> input)
        {
            if (input.Length < 2)
            {
                return;
            }

            // PDF Flate data is zlib-wrapped; some writers get the header wrong, so raw deflate after it is tried too.
            var produced = Inflate(new ZLibStream(AsStream(input), CompressionMode.Decompress), input.Length);
            if (produced < 0)
            {
                Inflate(new DeflateStream(AsStream(input[2..]), CompressionMode.Decompress), input.Length);
            }
        }

        /// <returns>Bytes produced, or -1 when the data is not in this format at all.</returns>
        private long Inflate(Stream decompressor, int compressed)
        {
            var scratch = new byte[64 * 1024];
            long produced = 0;
            using (decompressor)
            {
                try
                {
                    int read;
                    while ((read = decompressor.Read(scratch)) > 0)
                    {
                        produced += read;
                        budget.Add(Part, read, produced, compressed);
                    }
                }
                catch (InvalidDataException)
                {
                    return produced == 0 ? -1 : produced;
                }
            }

            return produced;
        }

        private static MemoryStream AsStream(Memory<byte> data) =>
            MemoryMarshal.TryGetArray<byte>(data, out var segment) && segment.Array is not null
                ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(data.ToArray(), writable: false);
    }
}
