"""The web page and JSON API (`lotse web`): a thin layer over `assistant.service.Lotse`."""
