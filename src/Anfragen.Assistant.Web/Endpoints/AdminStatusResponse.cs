using Anfragen.Assistant.Storage;
using Anfragen.Assistant.Web.Services;

namespace Anfragen.Assistant.Web.Endpoints;

/// <summary>GET /api/admin/status.</summary>
public sealed record AdminStatusResponse(IndexStatistics Index, IngestionSnapshot Ingestion);
