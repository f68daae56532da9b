package vn.lgsp.hub.postal;

/** States of a postal order as the operator reports them; REQUESTED is the hub's own, before the operator's answer. */
public enum PostalState { REQUESTED, ORDERED, COLLECTING, COLLECTED, DELIVERED, RETURNED, CANCELLED }
