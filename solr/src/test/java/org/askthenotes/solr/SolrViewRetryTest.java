package org.askthenotes.solr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrException.ErrorCode;
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
}
