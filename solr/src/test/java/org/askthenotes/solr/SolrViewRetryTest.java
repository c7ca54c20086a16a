package org.askthenotes.solr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrException.ErrorCode;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

/** Which failed searches are sent again: the node's failures, never the request's own. */
class SolrViewRetryTest {
    @Test
    void aTransportFailureIsRetried() {
        assertTrue(SolrView.worthRetrying(new SolrServerException(new ConnectException("Connection refused"))));
    }

    @Test
    void aServerErrorFromANodeThatIsStoppingIsRetried() {
        assertTrue(SolrView.worthRetrying(new SolrException(ErrorCode.SERVICE_UNAVAILABLE, "node is shutting down")));
        assertTrue(SolrView.worthRetrying(new SolrException(ErrorCode.SERVER_ERROR, "shard request failed")));
    }

    @Test
    void aBadRequestIsTheQuerysFaultAndIsNotRepeated() {
        assertFalse(SolrView.worthRetrying(new SolrException(ErrorCode.BAD_REQUEST, "undefined field contents_xx")));
        assertFalse(SolrView.worthRetrying(new SolrException(ErrorCode.FORBIDDEN, "forbidden")));
    }

    @Test
    void aResponseWithoutAResultListIsNoAnswer() {
        // what CI's failover search got back from a node that was stopping: a header, no "response"
        SolrServerException failure = SolrView.incomplete(response(header(), null));
        assertNotNull(failure);
        assertTrue(failure.getMessage().contains("without a result list"), failure.getMessage());
        assertTrue(SolrView.worthRetrying(failure));
    }

    @Test
    void aResponseMissingAShardsPartIsNoAnswer() {
        NamedList<Object> header = header();
        header.add("partialResults", true);
        assertNotNull(SolrView.incomplete(response(header, new SolrDocumentList())));
    }

    @Test
    void aWholeResponseIsAnAnswerEvenWhenNothingMatched() {
        assertNull(SolrView.incomplete(response(header(), new SolrDocumentList())));
    }

    private static NamedList<Object> header() {
        NamedList<Object> header = new NamedList<>();
        header.add("status", 0);
        header.add("QTime", 3);
        return header;
    }

    private static QueryResponse response(NamedList<Object> header, SolrDocumentList results) {
        NamedList<Object> body = new NamedList<>();
        body.add("responseHeader", header);
        if (results != null) {
            body.add("response", results);
        }
        QueryResponse response = new QueryResponse();
        response.setResponse(body);
        return response;
    }
}
