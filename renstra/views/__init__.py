"""Renstra pages, one module per screen family. Views are thin: access through ``sakip.access``, rules in
``renstra.services``."""
