import CCurl
import Foundation

/// State one libcurl easy transfer writes into from its callbacks.
///
/// `@unchecked Sendable`: it is touched only by the thread driving the transfer (libcurl calls
/// the callbacks from `curl_multi_perform` there) and read after the transfer is done.
final class TransferState: @unchecked Sendable {
    var body = Data()
    var headers: [String: String] = [:]
    let maxBytes: Int
    var overLimit = false
    var upload: Data
    var uploadOffset = 0

    init(maxBytes: Int, upload: Data = Data()) {
        self.maxBytes = maxBytes
        self.upload = upload
    }
}

/// libcurl easy handles with our limits, and their outcome (`CurlMulti` drives them).
enum CurlTransfer {
    static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    static let writeCallback: ccurl_data_cb = { ptr, size, nmemb, userdata in
        guard let userdata, let ptr else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
        let n = size * nmemb
        if state.body.count + n > state.maxBytes {
            state.overLimit = true
            return 0
        }
        ptr.withMemoryRebound(to: UInt8.self, capacity: n) { state.body.append($0, count: n) }
        return n
    }

    static let headerCallback: ccurl_data_cb = { ptr, size, nmemb, userdata in
        guard let userdata, let ptr else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
        let n = size * nmemb
        let line = ptr.withMemoryRebound(to: UInt8.self, capacity: n) {
            String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            state.headers = [:]  // a new response (after a redirect or 100-continue)
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            state.headers[name] = value
        }
        return n
    }

    static let readCallback: ccurl_data_cb = { ptr, size, nmemb, userdata in
        guard let userdata, let ptr else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
        let n = min(size * nmemb, state.upload.count - state.uploadOffset)
        if n <= 0 { return 0 }
        state.upload.withUnsafeBytes { raw in
            let src = raw.baseAddress!.advanced(by: state.uploadOffset)
            UnsafeMutableRawPointer(ptr).copyMemory(from: src, byteCount: n)
        }
        state.uploadOffset += n
        return n
    }

    /// A configured easy handle for `req`, writing into `state`; the header list is returned
    /// so the caller frees it after the transfer.
    static func makeHandle(_ req: FetchRequest, state: TransferState,
                           context: UnsafeMutableRawPointer) throws -> (UnsafeMutableRawPointer, UnsafeMutablePointer<curl_slist>?) {
        _ = globalInit
        guard let h = curl_easy_init() else {
            throw FetchError(url: req.url, reason: .transport(code: 2, text: "curl_easy_init failed"))
        }
        var headers: UnsafeMutablePointer<curl_slist>?
        headers = curl_slist_append(headers, "Accept: \(req.accept)")
        headers = curl_slist_append(headers, "Accept-Language: \(req.acceptLanguage)")
        if let e = req.etag { headers = curl_slist_append(headers, "If-None-Match: \(e)") }
        if let l = req.lastModified { headers = curl_slist_append(headers, "If-Modified-Since: \(l)") }
        for h2 in req.headers { headers = curl_slist_append(headers, h2) }

        ccurl_easy_setopt_string(h, CURLOPT_URL, req.url)
        ccurl_easy_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ccurl_easy_setopt_long(h, CURLOPT_FOLLOWLOCATION, 1)
        ccurl_easy_setopt_long(h, CURLOPT_MAXREDIRS, 5)
        ccurl_easy_setopt_string(h, CURLOPT_PROTOCOLS_STR, req.allowFile ? "http,https,file" : "http,https")
        ccurl_easy_setopt_string(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        ccurl_easy_setopt_string(h, CURLOPT_ACCEPT_ENCODING, "")  // every encoding this libcurl decodes: gzip, deflate, br
        ccurl_easy_setopt_long(h, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        ccurl_easy_setopt_long(h, CURLOPT_CONNECTTIMEOUT, min(10, req.timeoutSeconds))
        ccurl_easy_setopt_long(h, CURLOPT_TIMEOUT, req.timeoutSeconds)
        ccurl_easy_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, 100)
        ccurl_easy_setopt_long(h, CURLOPT_LOW_SPEED_TIME, min(15, req.timeoutSeconds))
        ccurl_easy_setopt_off(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(req.maxBytes))
        ccurl_easy_setopt_string(h, CURLOPT_USERAGENT, req.userAgent)
        if let ca = req.caFile { ccurl_easy_setopt_string(h, CURLOPT_CAINFO, ca) }
        ccurl_easy_setopt_slist(h, CURLOPT_HTTPHEADER, headers)
        ccurl_easy_setopt_write_function(h, writeCallback)
        ccurl_easy_setopt_pointer(h, CURLOPT_WRITEDATA, context)
        ccurl_easy_setopt_header_function(h, headerCallback)
        ccurl_easy_setopt_pointer(h, CURLOPT_HEADERDATA, context)
        if let body = req.body {
            ccurl_easy_setopt_off(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBytes { raw in
                // COPYPOSTFIELDS copies the bytes at once, so the buffer may go after this call.
                _ = ccurl_easy_setopt_pointer(h, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
            }
        }
        return (h, headers)
    }

    /// The response or error of a finished transfer.
    static func outcome(_ h: UnsafeMutableRawPointer, code rc: CURLcode, request req: FetchRequest,
                        state: TransferState) -> Result<FetchResponse, FetchError> {
        var status = 0
        ccurl_easy_getinfo_long(h, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        ccurl_easy_getinfo_string(h, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? req.url
        if state.overLimit || rc == CURLE_FILESIZE_EXCEEDED {
            return .failure(FetchError(url: req.url, reason: .tooLarge(limit: req.maxBytes)))
        }
        if rc == CURLE_UNSUPPORTED_PROTOCOL {
            let scheme = URLComponents(string: finalURL)?.scheme ?? "?"
            return .failure(FetchError(url: req.url, reason: .protocolNotAllowed(scheme)))
        }
        guard rc == CURLE_OK else {
            return .failure(FetchError(url: req.url, reason: .transport(code: Int(rc.rawValue),
                                                                         text: String(cString: curl_easy_strerror(rc)))))
        }
        let isHTTP = finalURL.lowercased().hasPrefix("http")
        if isHTTP, status >= 400 {
            let retryAfter = state.headers["retry-after"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return .failure(FetchError(url: req.url, reason: .http(status: status), retryAfter: retryAfter))
        }
        var version = 0
        ccurl_easy_getinfo_long(h, CURLINFO_HTTP_VERSION, &version)
        var r = FetchResponse(finalURL: finalURL, status: isHTTP ? status : 0, body: state.body, headers: state.headers)
        switch version {
        case CURL_HTTP_VERSION_1_0: r.httpVersion = "1.0"
        case CURL_HTTP_VERSION_1_1: r.httpVersion = "1.1"
        case CURL_HTTP_VERSION_2_0: r.httpVersion = "2"
        case 30: r.httpVersion = "3"  // CURL_HTTP_VERSION_3
        default: r.httpVersion = nil
        }
        return .success(r)
    }
}
