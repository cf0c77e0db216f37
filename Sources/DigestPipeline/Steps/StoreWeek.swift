import DigestCore
import DigestStore

extension Pipeline {
    /// Step `storeWeek`: the week's cards (with their metrics) and counts written to the store,
    /// the history the publish step and later weeks' charts read.
    func storeWeek(_ cards: [Card], items: [SourcedItem], in store: DigestStore) throws {
        try store.saveWeek(StoredWeek(week: week, itemCount: items.count, sourceCount: Set(items.map(\.source.id)).count,
                                      cards: cards), now: options.now)
    }
}
