namespace Anfragen.Assistant.Storage;

/// <summary>
/// One whole index — SQLite (embedded) or Qdrant — with all of its roles: <see cref="IDocumentStore"/> (documents,
/// metadata and the one write path), <see cref="IKeywordIndex"/>, <see cref="IVectorIndex"/>, <see cref="IHybridSearch"/>
/// and <see cref="IVocabularyStatistics"/>. Components ask for the roles they use; this composite is for what needs
/// a whole index (migration, benchmarks, tests). Both implementations pass the same contract suite.
/// </summary>
public interface IKnowledgeIndex : IDocumentStore, IKeywordIndex, IVectorIndex, IHybridSearch, IVocabularyStatistics;
