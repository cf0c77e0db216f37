import CCurl
import Foundation

/// One libcurl multi handle driven by one dedicated thread (its blocking poll stays off the
/// cooperative pool): at most `limit` transfers at once and `perHost` per host, started in the
/// order they were asked for; callers await their transfer's outcome.
///
/// `@unchecked Sendable`: `pending` and `running` are guarded by `lock`; the multi handle and
/// everything in `loop()` belong to the one thread that runs it (a new thread starts only after
/// the previous one, under the lock, has given the handle up); `curl_multi_wakeup` is the one
/// call libcurl allows from other threads.
final class CurlMulti: @unchecked Sendable {
    struct Job {
        let request: FetchRequest
        let host: String
        let done: @Sendable (Result<FetchResponse, FetchError>) -> Void
    }

    /// A transfer in flight.
    struct Active {
        let job: Job
        let handle: UnsafeMutableRawPointer
        let headers: UnsafeMutablePointer<curl_slist>?
        let state: Unmanaged<TransferState>
    }

    let limit: Int
    let perHost: Int
    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var pending: [Job] = []
    private var running = false

    init(limit: Int, perHost: Int) {
        _ = CurlTransfer.globalInit
        self.limit = max(1, limit)
        self.perHost = max(1, perHost)
        multi = curl_multi_init()!  // nil only when out of memory
        ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, self.perHost)
        // No CURLMOPT_MAX_TOTAL_CONNECTIONS: the loop below already bounds transfers in flight.
        ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    }

    deinit { curl_multi_cleanup(multi) }

    /// Runs one transfer.
    func perform(_ request: FetchRequest) async -> Result<FetchResponse, FetchError> {
        let host = URLComponents(string: request.url)?.host?.lowercased() ?? ""
        return await withCheckedContinuation { cont in
            let job = Job(request: request, host: host) { cont.resume(returning: $0) }
            let start: Bool = lock.withLock {
                pending.append(job)
                defer { running = true }
                return !running
            }
            if start {
                let t = Thread { [self] in loop() }
                t.name = "digest-curl"
                t.start()
            } else {
                curl_multi_wakeup(multi)
            }
        }
    }

    private func loop() {
        var waiting: [Job] = []
        var active: [UnsafeMutableRawPointer: Active] = [:]
        var perHostCount: [String: Int] = [:]
        while true {
            let more: [Job]? = lock.withLock {
                if pending.isEmpty && waiting.isEmpty && active.isEmpty {
                    running = false
                    return nil
                }
                defer { pending.removeAll() }
                return pending
            }
            guard let more else { return }
            waiting += more
            var i = 0
            while active.count < limit && i < waiting.count {
                let job = waiting[i]
                // file:// has no host to be polite to.
                guard job.host.isEmpty || perHostCount[job.host, default: 0] < perHost else {
                    i += 1
                    continue
                }
                waiting.remove(at: i)
                let state = Unmanaged.passRetained(TransferState(maxBytes: job.request.maxBytes))
                do {
                    let (h, headers) = try CurlTransfer.makeHandle(job.request, state: state.takeUnretainedValue(),
                                                                  context: state.toOpaque())
                    active[h] = Active(job: job, handle: h, headers: headers, state: state)
                    perHostCount[job.host, default: 0] += 1
                    curl_multi_add_handle(multi, h)
                } catch let e as FetchError {
                    state.release()
                    job.done(.failure(e))
                } catch {
                    state.release()
                    job.done(.failure(FetchError(url: job.request.url, reason: .transport(code: -1, text: "\(error)"))))
                }
            }
            var stillRunning: Int32 = 0
            curl_multi_perform(multi, &stillRunning)
            var left: Int32 = 0
            var finished = 0
            while let msg = curl_multi_info_read(multi, &left) {
                guard ccurl_msg_is_done(msg) != 0, let h = ccurl_msg_easy(msg), let a = active.removeValue(forKey: h) else { continue }
                let outcome = CurlTransfer.outcome(h, code: ccurl_msg_result(msg), request: a.job.request,
                                                   state: a.state.takeUnretainedValue())
                curl_multi_remove_handle(multi, h)
                curl_easy_cleanup(h)
                curl_slist_free_all(a.headers)
                a.state.release()
                perHostCount[a.job.host, default: 1] -= 1
                finished += 1
                a.job.done(outcome)
            }
            // Slots freed: start the next transfers now rather than after the poll's timeout.
            if finished == 0 && (!active.isEmpty || !waiting.isEmpty) {
                curl_multi_poll(multi, nil, 0, 200, nil)
            }
        }
    }
}
